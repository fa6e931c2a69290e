package io.offerdesk.awsapi.internal;

import io.offerdesk.platform.FaultCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The simulator's faults as the botocore models allow them: an operation may be made to answer only with an error
 * its model lists, and it answers with the status the model gives the error, so that the SDK raises the modeled
 * exception class exactly as it would for AWS's own.
 */
@Component
class ModeledFaults implements FaultCatalog {

    /**
     * Statuses of errors whose JSON-RPC models give none, as this API answers them elsewhere (a model's own {@code
     * httpStatusCode} comes first, then its {@code fault} flag, 500); any other client error is 400.
     */
    private static final Map<String, Integer> STATUSES = Map.of(
            "AccessDeniedException", 403,
            "ResourceNotFoundException", 404,
            "ConflictException", 409,
            "ServiceQuotaExceededException", 402);

    private final BotocoreModels models;

    ModeledFaults(BotocoreModels models) {
        this.models = models;
    }

    @Override
    public Optional<List<String>> modeledErrors(String service, String operation) {
        return service(service).flatMap(models::of).flatMap(model -> {
            var errors = model.at("/operations/" + operation + "/errors");
            if (errors.isMissingNode()) {
                return Optional.empty();
            }
            var names = new ArrayList<String>();
            errors.forEach(error -> names.add(error.at("/shape").asString()));
            return Optional.of(List.copyOf(names));
        });
    }

    /** The error the operator chose for the call, answered as the service answers that error. */
    AwsError error(AwsService service, String code) {
        var shape = models.of(service).orElseThrow().at("/shapes/" + code);
        var status = shape.at("/error/httpStatusCode");
        var message = code.equals("ThrottlingException")
                ? "Rate exceeded"
                : "The simulator answers this call with " + code + ", as the operator set it.";
        if (status.isNumber()) {
            return new AwsError(code, status.asInt(), message);
        }
        if (shape.at("/fault").asBoolean(false)) {
            return new AwsError(code, 500, message);
        }
        return new AwsError(code, STATUSES.getOrDefault(code, 400), message);
    }

    private Optional<AwsService> service(String botocoreName) {
        return Arrays.stream(AwsService.values())
                .filter(s -> s.botocoreName().equals(botocoreName))
                .findFirst();
    }
}
