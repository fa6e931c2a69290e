package io.offerdesk.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * BatchMeterUsage and MeterUsage as clients call them: every per-record result, the window both ways, allocations,
 * identical retries, concurrent identical batches, and usage per agreement and day for its two parties only.
 */
@EndToEndTest
class MeteringTests {

    static final String AUTHOR = AgreementFixtures.AUTHOR;
    static final String GLOBEX = AgreementFixtures.GLOBEX;
    static final String GLOBEX_ACCOUNT = AgreementFixtures.GLOBEX_ACCOUNT;
    static final String INITECH = AgreementFixtures.INITECH;
    static final String INITECH_ACCOUNT = "500000000001";
    static final String NIMBUS = OfferFixtures.NIMBUS;
    static final String BATCH = "/api/v1/metering/batch-meter-usage";

    @Autowired
    TestApi api;

    String product;
    String agreement;
    Instant now;

    @BeforeEach
    void subscribedProduct() {
        var fixtures = new MeteringFixtures(api);
        product = fixtures.meteredSaasProduct();
        agreement = fixtures.boughtByGlobex(product);
        now = fixtures.now();
    }

    @Test
    void everyRecordGetsItsResult() {
        // The start of an hour: a record a minute later is of the same hour (a duplicate) whatever the time of day.
        var hour = now.minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS);
        var first = batch(AUTHOR, product, record(hour, GLOBEX_ACCOUNT, 10, ""));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(status(first, 0)).isEqualTo("Success");
        var id = first.json().at("/results/0/meteringRecordId").asString();
        assertThat(id).isNotBlank();

        var answer = batch(
                AUTHOR,
                product,
                record(hour.plusSeconds(60), GLOBEX_ACCOUNT, 11, ""),
                record(hour, INITECH_ACCOUNT, 5, ""),
                record(hour, GLOBEX_ACCOUNT, 10, ""),
                record(now.minus(Duration.ofHours(1)), GLOBEX_ACCOUNT, 3, ""));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(status(answer, 0)).isEqualTo("DuplicateRecord");
        assertThat(answer.json().at("/results/0/meteringRecordId").isMissingNode()
                        || answer.json().at("/results/0/meteringRecordId").isNull())
                .isTrue();
        assertThat(status(answer, 1)).isEqualTo("CustomerNotSubscribed");
        assertThat(status(answer, 2)).isEqualTo("Success");
        assertThat(answer.json().at("/results/2/meteringRecordId").asString()).isEqualTo(id);
        assertThat(status(answer, 3)).isEqualTo("Success");
        assertThat(answer.json().at("/results/0/usageRecord/quantity").asLong()).isEqualTo(11);
        assertThat(answer.json().at("/unprocessedRecords").size()).isZero();

        assertThat(totalUsage(GLOBEX)).isEqualTo(13);
    }

    @Test
    void anIdenticalRetryAnswersAsBeforeAndStoresNothing() {
        var records = new String[] {
            record(now.minus(Duration.ofHours(3)), GLOBEX_ACCOUNT, 7, ""),
            record(now.minus(Duration.ofHours(2)), GLOBEX_ACCOUNT, 8, "")
        };
        var first = batch(AUTHOR, product, records);
        var retry = batch(AUTHOR, product, records);
        var subset = batch(AUTHOR, product, records[1]);
        assertThat(retry.json().at("/results")).isEqualTo(first.json().at("/results"));
        assertThat(subset.json().at("/results/0")).isEqualTo(first.json().at("/results/1"));
        assertThat(totalUsage(AUTHOR)).isEqualTo(15);
    }

    @Test
    void hundredConcurrentIdenticalBatchesStoreEachRecordOnce() throws Exception {
        var records = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            records.add(record(now.minus(Duration.ofHours(i + 1)), GLOBEX_ACCOUNT, i + 1, ""));
        }
        var body = body(product, records.toArray(String[]::new));
        var calls = new ArrayList<Callable<Reply>>();
        for (int i = 0; i < 100; i++) {
            calls.add(() -> api.post(BATCH, AUTHOR, body));
        }
        List<Reply> replies;
        try (var pool = Executors.newFixedThreadPool(16)) {
            replies = pool.invokeAll(calls).stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
        var ids = new HashSet<String>();
        for (var reply : replies) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            for (var result : reply.json().at("/results")) {
                assertThat(result.at("/status").asString()).isEqualTo("Success");
                ids.add(result.at("/meteringRecordId").asString());
            }
        }
        assertThat(ids).hasSize(5);
        assertThat(totalUsage(AUTHOR)).isEqualTo(1 + 2 + 3 + 4 + 5);
    }

    @Test
    void theWindowRefusesOldAndFutureUsageForTheWholeBatch() {
        var good = record(now.minus(Duration.ofHours(1)), GLOBEX_ACCOUNT, 1, "");
        var old = batch(AUTHOR, product, good, record(now.minus(Duration.ofHours(6)), GLOBEX_ACCOUNT, 1, ""));
        assertThat(old.status()).as(old.body()).isEqualTo(422);
        assertThat(old.body()).contains("usageRecords[1].timestamp");
        var future = batch(AUTHOR, product, good, record(now.plus(Duration.ofMinutes(5)), GLOBEX_ACCOUNT, 1, ""));
        assertThat(future.status()).as(future.body()).isEqualTo(422);
        assertThat(future.body()).contains("usageRecords[1].timestamp");
        var lastAccepted =
                batch(AUTHOR, product, record(now.minus(Duration.ofHours(6)).plusSeconds(120), GLOBEX_ACCOUNT, 4, ""));
        assertThat(status(lastAccepted, 0)).isEqualTo("Success");
        assertThat(totalUsage(AUTHOR))
                .as("nothing of the refused batches is stored")
                .isEqualTo(4);
    }

    @Test
    void allocationsMustSumToTheQuantity() {
        var hour = now.minus(Duration.ofHours(1));
        var tags = """
                ,"usageAllocations":[
                  {"allocatedUsageQuantity":6,"tags":[{"key":"team","value":"data"},{"key":"env","value":"prod"}]},
                  {"allocatedUsageQuantity":4}]""";
        var good = batch(AUTHOR, product, record(hour, GLOBEX_ACCOUNT, 10, tags));
        assertThat(status(good, 0)).as(good.body()).isEqualTo("Success");
        assertThat(good.json()
                        .at("/results/0/usageRecord/usageAllocations/0/tags/1/key")
                        .asString())
                .isEqualTo("env");

        var reordered = """
                ,"usageAllocations":[{"allocatedUsageQuantity":4},
                  {"allocatedUsageQuantity":6,"tags":[{"key":"env","value":"prod"},{"key":"team","value":"data"}]}]""";
        var retry = batch(AUTHOR, product, record(hour, GLOBEX_ACCOUNT, 10, reordered));
        assertThat(status(retry, 0)).as("the same allocations in another order").isEqualTo("Success");

        var otherSplit = """
                ,"usageAllocations":[{"allocatedUsageQuantity":5},{"allocatedUsageQuantity":5,
                  "tags":[{"key":"team","value":"data"}]}]""";
        assertThat(status(batch(AUTHOR, product, record(hour, GLOBEX_ACCOUNT, 10, otherSplit)), 0))
                .isEqualTo("DuplicateRecord");

        var badSum = batch(AUTHOR, product, record(hour.minusSeconds(3600), GLOBEX_ACCOUNT, 10, """
                ,"usageAllocations":[{"allocatedUsageQuantity":9}]"""));
        assertThat(badSum.status()).isEqualTo(422);
        assertThat(badSum.body()).contains("usageRecords[0].usageAllocations").contains("InvalidUsageAllocations");

        var badTag = batch(AUTHOR, product, record(hour.minusSeconds(3600), GLOBEX_ACCOUNT, 1, """
                ,"usageAllocations":[{"allocatedUsageQuantity":1,"tags":[{"key":"bad~key","value":"x"}]}]"""));
        assertThat(badTag.status()).isEqualTo(422);
        assertThat(badTag.body()).contains("usageRecords[0].usageAllocations[0].tags");
        assertThat(totalUsage(GLOBEX)).isEqualTo(10);
    }

    @Test
    void unknownDimensionsAndOversizedBatchesAreRefused() {
        var unknown = batch(AUTHOR, product, """
                {"timestamp":"%s","dimension":"nope","customerAwsAccountId":"%s","quantity":1}""".formatted(now.minusSeconds(60), GLOBEX_ACCOUNT));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("usageRecords[0].dimension");
        var many = new String[Metering.BATCH_MAX + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = record(now.minusSeconds(60 + i), GLOBEX_ACCOUNT, 1, "");
        }
        var tooMany = batch(AUTHOR, product, many);
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body()).contains("usageRecords");
        var nullRecord = api.post(BATCH, AUTHOR, "{\"productCode\":\"%s\",\"usageRecords\":[null]}".formatted(product));
        assertThat(nullRecord.status()).isEqualTo(422);
        assertThat(nullRecord.body()).contains("usageRecords[0]");
        assertThat(totalUsage(AUTHOR)).isZero();
    }

    @Test
    void otherTenantsAreToldNothingExists() {
        batch(AUTHOR, product, record(now.minus(Duration.ofHours(1)), GLOBEX_ACCOUNT, 2, ""));
        assertThat(batch(NIMBUS, product, record(now.minusSeconds(60), GLOBEX_ACCOUNT, 1, ""))
                        .status())
                .as("another party cannot meter the seller's product")
                .isEqualTo(404);
        assertThat(batch(GLOBEX, product, record(now.minusSeconds(60), GLOBEX_ACCOUNT, 1, ""))
                        .status())
                .as("nor can its buyer")
                .isEqualTo(404);
        for (var stranger : List.of(INITECH, NIMBUS)) {
            assertThat(api.get(usagePath(), stranger).status()).as(stranger).isEqualTo(404);
        }
        assertThat(totalUsage(GLOBEX)).isEqualTo(2);
        assertThat(totalUsage(AUTHOR)).isEqualTo(2);
    }

    @Test
    void usageIsReportedPerDimensionAndDay() {
        var hour = now.minus(Duration.ofHours(1));
        batch(AUTHOR, product, record(hour, GLOBEX_ACCOUNT, 12, ""));
        var usage = api.get(usagePath(), GLOBEX);
        assertThat(usage.status()).as(usage.body()).isEqualTo(200);
        assertThat(usage.json().at("/dimensions/0/key").asString()).isEqualTo("analysts");
        assertThat(usage.json().at("/dimensions/1/key").asString()).isEqualTo("requests");
        assertThat(usage.json().at("/usage/0/dimension").asString()).isEqualTo("requests");
        assertThat(usage.json().at("/usage/0/day").asString())
                .isEqualTo(hour.atZone(ZoneOffset.UTC).toLocalDate().toString());
        assertThat(usage.json().at("/usage/0/quantity").asLong()).isEqualTo(12);
    }

    private String usagePath() {
        return "/api/v1/metering/agreements/" + agreement + "/usage";
    }

    private long totalUsage(String reader) {
        var usage = api.get(usagePath(), reader);
        assertThat(usage.status()).as(usage.body()).isEqualTo(200);
        long total = 0;
        for (JsonNode day : usage.json().at("/usage")) {
            total += day.at("/quantity").asLong();
        }
        return total;
    }

    private static String status(Reply reply, int index) {
        return reply.json().at("/results/" + index + "/status").asString();
    }

    private Reply batch(String email, String productCode, String... records) {
        return api.post(BATCH, email, body(productCode, records));
    }

    static String body(String productCode, String... records) {
        return "{\"productCode\":\"%s\",\"usageRecords\":[%s]}".formatted(productCode, String.join(",", records));
    }

    static String record(Instant timestamp, String account, long quantity, String more) {
        return record("requests", timestamp, account, quantity, more);
    }

    static String record(String dimension, Instant timestamp, String account, long quantity, String more) {
        return "{\"timestamp\":\"%s\",\"dimension\":\"%s\",\"customerAwsAccountId\":\"%s\",\"quantity\":%d%s}"
                .formatted(timestamp.truncatedTo(ChronoUnit.SECONDS), dimension, account, quantity, more);
    }
}
