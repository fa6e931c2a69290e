package io.offerdesk.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * MeterUsage from software in a buyer's account for an AMI product: idempotent by its parameters, a dry run stores
 * nothing, another quantity for the hour is a duplicate request, a client token reused with other parameters is a
 * conflict, and an account without an agreement is not entitled.
 */
@EndToEndTest
class MeterUsageTests {

    static final String GLOBEX = AgreementFixtures.GLOBEX;
    static final String GLOBEX_ACCOUNT = AgreementFixtures.GLOBEX_ACCOUNT;
    static final String INITECH = AgreementFixtures.INITECH;
    static final String METER = "/api/v1/metering/meter-usage";

    @Autowired
    TestApi api;

    String ami;
    String agreement;
    Instant now;

    @BeforeEach
    void subscribedAmi() {
        var fixtures = new MeteringFixtures(api);
        ami = fixtures.meteredAmi();
        agreement = fixtures.boughtByGlobex(ami);
        now = fixtures.now();
    }

    @Test
    void identicalRequestsAnswerWithTheSameRecordAndADryRunStoresNothing() {
        var dry = meter(GLOBEX, 5, ",\"dryRun\":true");
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.json().at("/dryRun").asBoolean()).isTrue();
        assertThat(usage()).isZero();

        var first = meter(GLOBEX, 5, "");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var id = first.json().at("/meteringRecordId").asString();
        assertThat(id).isNotBlank();
        assertThat(meter(GLOBEX, 5, "").json().at("/meteringRecordId").asString())
                .isEqualTo(id);

        var other = meter(GLOBEX, 6, "");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body()).contains("DuplicateRequestException");
        assertThat(usage()).isEqualTo(5);
    }

    @Test
    void aClientTokenWithOtherParametersIsAConflict() {
        var first = meter(GLOBEX, 3, ",\"clientToken\":\"token-1\"");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var again = meter(GLOBEX, 3, ",\"clientToken\":\"token-1\"");
        assertThat(again.json().at("/meteringRecordId").asString())
                .isEqualTo(first.json().at("/meteringRecordId").asString());
        var conflicting =
                api.post(METER, GLOBEX, body(now.minus(Duration.ofHours(3)), 3, ",\"clientToken\":\"token-1\""));
        assertThat(conflicting.status()).as(conflicting.body()).isEqualTo(409);
        assertThat(usage()).isEqualTo(3);
    }

    @Test
    void anAccountWithoutAnAgreementIsNotEntitled() {
        var refused = api.post(
                METER, INITECH, body(now.minus(Duration.ofHours(1)), 1, "").replace(GLOBEX_ACCOUNT, "500000000001"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("CustomerNotEntitledException");
        var old = api.post(METER, GLOBEX, body(now.minus(Duration.ofHours(7)), 1, ""));
        assertThat(old.status()).isEqualTo(422);
        assertThat(old.body()).contains("timestamp");
    }

    private long usage() {
        var read = api.get("/api/v1/metering/agreements/" + agreement + "/usage", GLOBEX);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        long total = 0;
        for (var day : read.json().at("/usage")) {
            total += day.at("/quantity").asLong();
        }
        return total;
    }

    private Reply meter(String email, long quantity, String more) {
        return api.post(METER, email, body(now.minus(Duration.ofHours(1)), quantity, more));
    }

    private String body(Instant timestamp, long quantity, String more) {
        return """
                {"productCode":"%s","timestamp":"%s","usageDimension":"analysts","usageQuantity":%d,
                 "customerAwsAccountId":"%s"%s}""".formatted(ami, timestamp.truncatedTo(ChronoUnit.SECONDS), quantity, GLOBEX_ACCOUNT, more);
    }
}
