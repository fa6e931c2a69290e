package io.offerdesk.awsapi.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The botocore models on the classpath ({@code awsapi/models/<service>-*.service-2.json}), each read once at start-up:
 * the REST routes and the simulator's faults both answer from them.
 */
@Component
class BotocoreModels {

    private final Map<AwsService, JsonNode> models = new EnumMap<>(AwsService.class);

    BotocoreModels(JsonMapper json) {
        var resolver = new PathMatchingResourcePatternResolver();
        for (var service : AwsService.values()) {
            try {
                var found = resolver.getResources(
                        "classpath*:awsapi/models/" + service.botocoreName() + "-*.service-2.json");
                if (found.length > 0) {
                    try (var in = found[0].getInputStream()) {
                        models.put(service, json.readTree(in));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The service's model, if it is on the classpath. */
    Optional<JsonNode> of(AwsService service) {
        return Optional.ofNullable(models.get(service));
    }
}
