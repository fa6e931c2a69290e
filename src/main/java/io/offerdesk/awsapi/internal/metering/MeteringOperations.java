package io.offerdesk.awsapi.internal.metering;

import io.offerdesk.agreements.Entitlements;
import io.offerdesk.awsapi.internal.AwsError;
import io.offerdesk.awsapi.internal.AwsInput;
import io.offerdesk.awsapi.internal.AwsOperations;
import io.offerdesk.awsapi.internal.AwsService;
import io.offerdesk.awsapi.internal.ModuleErrors;
import io.offerdesk.metering.Metering;
import io.offerdesk.metering.Tag;
import io.offerdesk.metering.UsageAllocation;
import io.offerdesk.metering.UsageRecord;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * AWS Marketplace Metering Service ({@code meteringmarketplace}, awsJson 1.1, {@code AWSMPMeteringService}) on the
 * metering module: members named as the model names them, timestamps in epoch seconds, and the module's rule
 * violations answered as the model's exceptions. Usage names customers by {@code CustomerAWSAccountId}; ResolveCustomer
 * resolves the SaaS registration tokens that {@code agreements} issues to the customer it registers; RegisterUsage
 * checks a container product's entitlement and answers the module's signed JWT (ADR 0041).
 */
@Component
class MeteringOperations implements AwsOperations {

    /** The operation's modeled exceptions that the module's rules can raise, beside the ones every operation has. */
    private static final Map<String, Set<String>> MODELED = Map.of(
            "BatchMeterUsage",
            Set.of(
                    "InvalidProductCodeException",
                    "InvalidUsageDimensionException",
                    "InvalidTagException",
                    "InvalidUsageAllocationsException",
                    "InvalidCustomerIdentifierException",
                    "TimestampOutOfBoundsException"),
            "MeterUsage",
            Set.of(
                    "InvalidProductCodeException",
                    "InvalidUsageDimensionException",
                    "InvalidTagException",
                    "InvalidUsageAllocationsException",
                    "TimestampOutOfBoundsException",
                    "DuplicateRequestException",
                    "IdempotencyConflictException",
                    "CustomerNotEntitledException"),
            "ResolveCustomer",
            Set.of("InvalidTokenException", "ExpiredTokenException"),
            "RegisterUsage",
            Set.of(
                    "InvalidProductCodeException",
                    "InvalidPublicKeyVersionException",
                    "PlatformNotSupportedException",
                    "CustomerNotEntitledException"));

    /** The entitlements' token rules by the message key they refuse with, as ResolveCustomer's model names them. */
    private static final Map<String, String> TOKEN_ERRORS = Map.of(
            "entitlement.INVALID_TOKEN", "InvalidTokenException",
            "entitlement.EXPIRED_TOKEN", "ExpiredTokenException");

    private final Metering metering;
    private final Entitlements entitlements;
    private final ModuleErrors errors;
    private final JsonMapper json;

    MeteringOperations(Metering metering, Entitlements entitlements, ModuleErrors errors, JsonMapper json) {
        this.metering = metering;
        this.entitlements = entitlements;
        this.errors = errors;
        this.json = json;
    }

    @Override
    public AwsService service() {
        return AwsService.METERING;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of(
                "BatchMeterUsage",
                this::batchMeterUsage,
                "MeterUsage",
                this::meterUsage,
                "ResolveCustomer",
                this::resolveCustomer,
                "RegisterUsage",
                this::registerUsage);
    }

    JsonNode batchMeterUsage(OfferdeskPrincipal caller, AwsInput input) {
        var records = input.requiredList("UsageRecords", MeteringOperations::usageRecord);
        var productCode = input.string("ProductCode");
        var result = metering.batchMeterUsage(caller, productCode, records);
        var output = json.createObjectNode();
        var results = output.putArray("Results");
        for (var r : result.results()) {
            var item = results.addObject();
            item.set("UsageRecord", usageRecord(r.usageRecord()));
            if (r.meteringRecordId() != null) {
                item.put("MeteringRecordId", r.meteringRecordId());
            }
            item.put("Status", r.status().name());
        }
        var unprocessed = output.putArray("UnprocessedRecords");
        result.unprocessedRecords().forEach(r -> unprocessed.add(usageRecord(r)));
        return output;
    }

    /** The software's account is the caller's: MeterUsage names no customer, AWS takes it from the credentials. */
    JsonNode meterUsage(OfferdeskPrincipal caller, AwsInput input) {
        var request = new Metering.MeterUsageRequest(
                input.string("ProductCode"),
                input.timestamp("Timestamp"),
                input.string("UsageDimension"),
                input.integer("UsageQuantity", 0),
                input.bool("DryRun"),
                input.list("UsageAllocations", MeteringOperations::allocation),
                input.optionalString("ClientToken"),
                null);
        var result = metering.meterUsage(caller, request);
        if (result.dryRun()) {
            // AWS answers a dry run that would have succeeded with this error (as EC2 does, status 412)
            throw new AwsError("DryRunOperation", 412, "The request would have succeeded; DryRun is set.");
        }
        var output = json.createObjectNode();
        output.put("MeteringRecordId", result.meteringRecordId());
        return output;
    }

    /** The seller's SaaS application redeems the token the buyer's browser brought from "Set up your account". */
    JsonNode resolveCustomer(OfferdeskPrincipal caller, AwsInput input) {
        var resolved = entitlements.resolveCustomer(caller, input.string("RegistrationToken"));
        var output = json.createObjectNode();
        output.put("CustomerIdentifier", resolved.customerIdentifier());
        output.put("ProductCode", resolved.productCode());
        output.put("CustomerAWSAccountId", resolved.customerAwsAccountId().value());
        output.put("LicenseArn", resolved.licenseArn());
        return output;
    }

    /** Container software checks at its start that the caller's account is entitled; the buyer's key signs the call. */
    JsonNode registerUsage(OfferdeskPrincipal caller, AwsInput input) {
        var registered = metering.registerUsage(
                caller,
                new Metering.RegisterUsageRequest(
                        input.string("ProductCode"), input.integer("PublicKeyVersion"), input.optionalString("Nonce")));
        var output = json.createObjectNode();
        var rotation = registered.publicKeyRotationTimestamp();
        if (rotation != null) {
            output.put("PublicKeyRotationTimestamp", rotation.getEpochSecond());
        }
        output.put("Signature", registered.signature());
        return output;
    }

    @Override
    public AwsError translate(String operation, RuntimeException failure) {
        var modeled = MODELED.getOrDefault(operation, Set.of());
        return switch (failure) {
            case InvalidInput invalid -> {
                var violation = invalid.violations().getFirst();
                var name = TOKEN_ERRORS.getOrDefault(
                        violation.code(),
                        ModuleErrors.exceptionName(violation.code()).orElse("ValidationException"));
                if (name.equals("InvalidCustomerIdentifierException") && operation.equals("MeterUsage")) {
                    // MeterUsage has no customer member: the caller acts for several accounts or none
                    name = "CustomerNotEntitledException";
                }
                yield new AwsError(
                        modeled.contains(name) ? name : "ValidationException", 400, errors.message(violation));
            }
            case NotFound missing ->
                new AwsError(
                        "InvalidProductCodeException",
                        400,
                        errors.message("metering.InvalidProductCodeException", missing.entityId()));
            case Conflict conflict ->
                new AwsError(
                        ModuleErrors.exceptionName(conflict.code()).orElse("IdempotencyConflictException"),
                        409,
                        errors.message(conflict.code(), conflict.arguments().toArray()));
            default -> new AwsError("InternalServiceErrorException", 500, "An internal error occurred.");
        };
    }

    private static UsageRecord usageRecord(AwsInput record) {
        if (record.has("CustomerIdentifier")) {
            throw new AwsError(
                    "InvalidCustomerIdentifierException",
                    400,
                    "Offerdesk names customers by CustomerAWSAccountId; it issues no CustomerIdentifier.");
        }
        if (record.has("LicenseArn")) {
            throw new AwsError(
                    "InvalidLicenseException",
                    400,
                    "Offerdesk names customers by CustomerAWSAccountId, not by license.");
        }
        return new UsageRecord(
                record.timestamp("Timestamp"),
                record.string("Dimension"),
                record.string("CustomerAWSAccountId"),
                record.integer("Quantity", 0),
                record.list("UsageAllocations", MeteringOperations::allocation));
    }

    private static UsageAllocation allocation(AwsInput allocation) {
        return new UsageAllocation(
                allocation.integer("AllocatedUsageQuantity"),
                allocation.list("Tags", tag -> new Tag(tag.string("Key"), tag.string("Value"))));
    }

    private ObjectNode usageRecord(UsageRecord record) {
        var node = json.createObjectNode();
        node.put("Timestamp", record.timestamp().getEpochSecond());
        node.put("CustomerAWSAccountId", record.customerAwsAccountId());
        node.put("Dimension", record.dimension());
        node.put("Quantity", record.quantity());
        if (!record.usageAllocations().isEmpty()) {
            var allocations = node.putArray("UsageAllocations");
            for (var allocation : record.usageAllocations()) {
                var item = allocations.addObject();
                item.put("AllocatedUsageQuantity", allocation.allocatedUsageQuantity());
                if (!allocation.tags().isEmpty()) {
                    var tags = item.putArray("Tags");
                    allocation
                            .tags()
                            .forEach(t -> tags.addObject().put("Key", t.key()).put("Value", t.value()));
                }
            }
        }
        return node;
    }
}
