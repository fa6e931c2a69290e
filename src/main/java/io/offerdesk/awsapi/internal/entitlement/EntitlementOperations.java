package io.offerdesk.awsapi.internal.entitlement;

import io.offerdesk.agreements.Entitlement;
import io.offerdesk.agreements.EntitlementValue;
import io.offerdesk.agreements.Entitlements;
import io.offerdesk.agreements.Entitlements.EntitlementFilter;
import io.offerdesk.awsapi.internal.AwsError;
import io.offerdesk.awsapi.internal.AwsInput;
import io.offerdesk.awsapi.internal.AwsOperations;
import io.offerdesk.awsapi.internal.AwsService;
import io.offerdesk.awsapi.internal.EpochSeconds;
import io.offerdesk.awsapi.internal.ModuleErrors;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * AWS Marketplace Entitlement Service ({@code marketplace-entitlement}: awsJson 1.1 with target prefix {@code
 * AWSMPEntitlementService}, and Smithy RPC v2 CBOR) on the entitlements of the agreements module. The seller reads its
 * buyers' current entitlements to one of its products; another seller's product is refused exactly like a product that
 * does not exist, with the model's only client error, {@code InvalidParameterException}.
 */
@Component
class EntitlementOperations implements AwsOperations {

    /** GetEntitlements' filter names ({@code GetEntitlementFilterName}). */
    static final Set<String> FILTERS =
            Set.of("CUSTOMER_IDENTIFIER", "DIMENSION", "CUSTOMER_AWS_ACCOUNT_ID", "LICENSE_ARN");

    private final Entitlements entitlements;
    private final ModuleErrors errors;
    private final JsonMapper json;

    EntitlementOperations(Entitlements entitlements, ModuleErrors errors, JsonMapper json) {
        this.entitlements = entitlements;
        this.errors = errors;
        this.json = json;
    }

    @Override
    public AwsService service() {
        return AwsService.ENTITLEMENT;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of("GetEntitlements", this::getEntitlements);
    }

    JsonNode getEntitlements(OfferdeskPrincipal caller, AwsInput input) {
        var filter = input.stringListMap("Filter");
        for (var name : filter.keySet()) {
            if (!FILTERS.contains(name)) {
                throw invalidParameter("Filter: " + name + " is not one of "
                        + String.join(", ", FILTERS.stream().sorted().toList()) + ".");
            }
        }
        var productCode = input.string("ProductCode");
        var page = entitlements.getEntitlements(
                caller,
                productCode,
                new EntitlementFilter(
                        filter.getOrDefault("CUSTOMER_IDENTIFIER", List.of()),
                        filter.getOrDefault("DIMENSION", List.of()),
                        filter.getOrDefault("CUSTOMER_AWS_ACCOUNT_ID", List.of()),
                        filter.getOrDefault("LICENSE_ARN", List.of())),
                input.optionalString("NextToken"),
                input.has("MaxResults") ? Math.toIntExact(input.integer("MaxResults")) : null);
        var output = json.createObjectNode();
        var list = output.putArray("Entitlements");
        page.entitlements().forEach(e -> list.add(entitlement(e)));
        if (page.nextToken() != null) {
            output.put("NextToken", page.nextToken());
        }
        return output;
    }

    @Override
    public AwsError translate(String operation, RuntimeException failure) {
        return switch (failure) {
            case InvalidInput invalid ->
                invalidParameter(errors.message(invalid.violations().getFirst()));
            case NotFound missing -> invalidParameter("ProductCode: no product " + missing.entityId() + ".");
            default -> new AwsError("InternalServiceErrorException", 500, "An internal error occurred.");
        };
    }

    private static AwsError invalidParameter(String message) {
        return new AwsError("InvalidParameterException", 400, message);
    }

    private ObjectNode entitlement(Entitlement entitlement) {
        var node = json.createObjectNode();
        node.put("ProductCode", entitlement.productId());
        node.put("Dimension", entitlement.dimension());
        node.put("CustomerIdentifier", entitlement.customerIdentifier());
        node.put("CustomerAWSAccountId", entitlement.customerAwsAccountId().value());
        var value = node.putObject("Value");
        switch (entitlement.value()) {
            case EntitlementValue.IntegerValue(int quantity) -> value.put("IntegerValue", quantity);
            case EntitlementValue.BooleanValue(boolean yes) -> value.put("BooleanValue", yes);
        }
        if (entitlement.expirationDate() != null) {
            EpochSeconds.put(node, "ExpirationDate", entitlement.expirationDate());
        }
        node.put("LicenseArn", entitlement.licenseArn());
        return node;
    }
}
