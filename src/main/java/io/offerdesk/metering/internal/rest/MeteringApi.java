package io.offerdesk.metering.internal.rest;

import com.nimbusds.jose.JOSEException;
import io.offerdesk.metering.BatchMeterUsageResult;
import io.offerdesk.metering.DailyUsage;
import io.offerdesk.metering.Metering;
import io.offerdesk.metering.RatedPeriod;
import io.offerdesk.metering.Tag;
import io.offerdesk.metering.UsageAllocation;
import io.offerdesk.metering.UsageRecord;
import io.offerdesk.metering.UsageRecordStatus;
import io.offerdesk.metering.internal.RegisterUsageKeys;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Usage records as AWS's Metering Service takes them, and an agreement's usage by day. A refused call changes
 * nothing and answers 422 naming the record and field, with AWS's exception name as the message key; per-record
 * results of a batch answer 200.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(
        name = "Metering",
        description = "Usage records (BatchMeterUsage, MeterUsage) and usage per agreement, dimension and day")
class MeteringApi {

    record TagJson(@Nullable String key, @Nullable String value) {}

    record AllocationJson(
            @Nullable Long allocatedUsageQuantity, @Nullable List<TagJson> tags) {}

    record UsageRecordJson(
            @Nullable Instant timestamp,
            @Nullable String dimension,
            @Nullable String customerAwsAccountId,
            @Nullable Long quantity,
            @Nullable List<AllocationJson> usageAllocations) {

        static UsageRecordJson of(UsageRecord record) {
            return new UsageRecordJson(
                    record.timestamp(),
                    record.dimension(),
                    record.customerAwsAccountId(),
                    record.quantity(),
                    record.usageAllocations().isEmpty()
                            ? null
                            : record.usageAllocations().stream()
                                    .map(a -> new AllocationJson(
                                            a.allocatedUsageQuantity(),
                                            a.tags().isEmpty()
                                                    ? null
                                                    : a.tags().stream()
                                                            .map(t -> new TagJson(t.key(), t.value()))
                                                            .toList()))
                                    .toList());
        }
    }

    /** BatchMeterUsage's request: up to 25 records of one product. */
    record BatchMeterUsageBody(
            @Nullable String productCode, @Nullable List<UsageRecordJson> usageRecords) {}

    record UsageRecordResultJson(
            UsageRecordJson usageRecord, @Nullable String meteringRecordId, UsageRecordStatus status) {}

    record BatchMeterUsageJson(List<UsageRecordResultJson> results, List<UsageRecordJson> unprocessedRecords) {

        static BatchMeterUsageJson of(BatchMeterUsageResult result) {
            return new BatchMeterUsageJson(
                    result.results().stream()
                            .map(r -> new UsageRecordResultJson(
                                    UsageRecordJson.of(r.usageRecord()), r.meteringRecordId(), r.status()))
                            .toList(),
                    result.unprocessedRecords().stream()
                            .map(UsageRecordJson::of)
                            .toList());
        }
    }

    /** MeterUsage's request, for an AMI or container product, from a buyer's account. */
    record MeterUsageBody(
            @Nullable String productCode,
            @Nullable Instant timestamp,
            @Nullable String usageDimension,
            @Nullable Long usageQuantity,
            @Nullable Boolean dryRun,
            @Nullable List<AllocationJson> usageAllocations,
            @Nullable String clientToken,
            @Nullable String customerAwsAccountId) {}

    record MeterUsageJson(@Nullable String meteringRecordId, boolean dryRun) {}

    record DimensionJson(String key, String name, String unit) {}

    record DailyUsageJson(String dimension, LocalDate day, long quantity) {

        static DailyUsageJson of(DailyUsage usage) {
            return new DailyUsageJson(usage.dimension(), usage.day(), usage.quantity());
        }
    }

    /** A billing period; {@code ratedAt} is absent until the metering window after its end has passed. */
    record RatedPeriodJson(
            Instant periodStart,
            Instant periodEnd,
            @Nullable Instant ratedAt,
            List<RatedLineJson> lines) {

        static RatedPeriodJson of(RatedPeriod period) {
            return new RatedPeriodJson(
                    period.periodStart(),
                    period.periodEnd(),
                    period.ratedAt(),
                    period.lines().stream().map(RatedLineJson::of).toList());
        }
    }

    /** Amounts and unit prices as decimal strings, as the invoice API writes money. */
    record RatedLineJson(
            int lineNo,
            String dimension,
            Map<String, String> allocationTags,
            long usedQuantity,
            long coveredQuantity,
            long billedQuantity,
            String currencyCode,
            String unitPrice,
            String amount,
            @Nullable String chargeId) {

        static RatedLineJson of(RatedPeriod.Line line) {
            return new RatedLineJson(
                    line.lineNo(),
                    line.dimension(),
                    line.allocationTags(),
                    line.usedQuantity(),
                    line.coveredQuantity(),
                    line.billedQuantity(),
                    line.currencyCode(),
                    line.unitPrice().toPlainString(),
                    line.amount().toPlainString(),
                    line.chargeId());
        }
    }

    record AgreementUsageJson(
            String agreementId, String productId, List<DimensionJson> dimensions, List<DailyUsageJson> usage) {}

    private final Metering metering;

    MeteringApi(Metering metering) {
        this.metering = metering;
    }

    @PostMapping("/api/v1/metering/batch-meter-usage")
    @Operation(
            summary = "BatchMeterUsage: up to 25 usage records of one of the seller's SaaS products, each answered"
                    + " Success, CustomerNotSubscribed or DuplicateRecord; stored before the answer, an identical"
                    + " retry stores nothing new")
    BatchMeterUsageJson batchMeterUsage(
            OfferdeskPrincipal me, @RequestBody BatchMeterUsageBody body, HttpServletRequest request) {
        if (request.getContentLengthLong() >= Metering.REQUEST_BYTES_MAX) {
            throw new InvalidInput("usageRecords", "metering.requestTooLarge", Metering.REQUEST_BYTES_MAX);
        }
        var productCode = required("productCode", body.productCode());
        var sent = body.usageRecords() == null ? List.<UsageRecordJson>of() : body.usageRecords();
        var records = new ArrayList<UsageRecord>();
        for (int i = 0; i < sent.size(); i++) {
            records.add(record("usageRecords[" + i + "].", required("usageRecords[" + i + "]", sent.get(i))));
        }
        return BatchMeterUsageJson.of(metering.batchMeterUsage(me, productCode, records));
    }

    @PostMapping("/api/v1/metering/meter-usage")
    @Operation(
            summary = "MeterUsage: one usage record from software in the buyer's account, for an AMI or container"
                    + " product; identical requests answer with the same record id, dryRun stores nothing")
    MeterUsageJson meterUsage(OfferdeskPrincipal me, @RequestBody MeterUsageBody body) {
        var result = metering.meterUsage(
                me,
                new Metering.MeterUsageRequest(
                        required("productCode", body.productCode()),
                        required("timestamp", body.timestamp()),
                        required("usageDimension", body.usageDimension()),
                        body.usageQuantity() == null ? 0 : body.usageQuantity(),
                        Boolean.TRUE.equals(body.dryRun()),
                        allocations("", body.usageAllocations()),
                        body.clientToken(),
                        body.customerAwsAccountId()));
        return new MeterUsageJson(result.meteringRecordId(), result.dryRun());
    }

    record RegisterUsageKeyJson(int publicKeyVersion, String algorithm, String publicKeyPem, Map<String, Object> jwk) {}

    @GetMapping("/api/v1/metering/register-usage/public-key")
    @Operation(
            summary = "The public key that verifies RegisterUsage's signatures (a PS256 JWT), as PEM and as a JWK:"
                    + " sellers build it into their container images, as they do with AWS's published key")
    RegisterUsageKeyJson registerUsagePublicKey() throws JOSEException {
        var key = metering.registerUsagePublicKey();
        var pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.toRSAPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        return new RegisterUsageKeyJson(
                Metering.REGISTER_USAGE_KEY_VERSION, RegisterUsageKeys.ALGORITHM.getName(), pem, key.toJSONObject());
    }

    @GetMapping("/api/v1/metering/agreements/{agreementId}/usage")
    @Operation(
            summary = "An agreement's usage by dimension and UTC day, for the product's seller and the agreement's"
                    + " buyer; for anyone else the agreement does not exist")
    AgreementUsageJson usage(OfferdeskPrincipal me, @PathVariable String agreementId) {
        var usage = metering.usage(me, agreementId);
        return new AgreementUsageJson(
                usage.agreementId(),
                usage.productId(),
                usage.dimensions().stream()
                        .map(d -> new DimensionJson(d.key(), d.name(), d.unit()))
                        .toList(),
                usage.days().stream().map(DailyUsageJson::of).toList());
    }

    @GetMapping("/api/v1/metering/agreements/{agreementId}/rated-usage")
    @Operation(
            summary = "An agreement's billing periods, newest first, with the usage rated in each per dimension and"
                    + " allocation tag set: used, covered by the contract, billed, unit price and amount; for the"
                    + " product's seller and the agreement's buyer")
    List<RatedPeriodJson> ratedUsage(OfferdeskPrincipal me, @PathVariable String agreementId) {
        return metering.ratedUsage(me, agreementId).stream()
                .map(RatedPeriodJson::of)
                .toList();
    }

    private static UsageRecord record(String prefix, UsageRecordJson json) {
        return new UsageRecord(
                required(prefix + "timestamp", json.timestamp()),
                required(prefix + "dimension", json.dimension()),
                required(prefix + "customerAwsAccountId", json.customerAwsAccountId()),
                json.quantity() == null ? 0 : json.quantity(),
                allocations(prefix, json.usageAllocations()));
    }

    private static List<UsageAllocation> allocations(String prefix, @Nullable List<AllocationJson> sent) {
        if (sent == null) {
            return List.of();
        }
        var allocations = new ArrayList<UsageAllocation>();
        for (int i = 0; i < sent.size(); i++) {
            var field = prefix + "usageAllocations[" + i + "].";
            var allocation = required(prefix + "usageAllocations[" + i + "]", sent.get(i));
            var tags = allocation.tags() == null ? List.<TagJson>of() : allocation.tags();
            var parsed = new ArrayList<Tag>();
            for (int t = 0; t < tags.size(); t++) {
                var tag = required(field + "tags[" + t + "]", tags.get(t));
                parsed.add(new Tag(
                        required(field + "tags[" + t + "].key", tag.key()),
                        required(field + "tags[" + t + "].value", tag.value())));
            }
            allocations.add(new UsageAllocation(
                    required(field + "allocatedUsageQuantity", allocation.allocatedUsageQuantity()), parsed));
        }
        return allocations;
    }

    private static <T> T required(String field, @Nullable T value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new InvalidInput(field, "validation.required");
        }
        return value;
    }
}
