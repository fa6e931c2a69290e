package io.offerdesk.analytics.internal.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The read model's upserts, as the listeners make them, in the worst order and twice: the row ends the same as in the
 * natural order, each step keeping its earliest instant. A party of the test's own (a random id) scopes every read.
 */
@EndToEndTest
class OutcomeRepositoryTests {

    static final Instant DRAFTED = Instant.parse("2031-03-02T10:00:00Z");
    static final Instant RELEASED = DRAFTED.plusSeconds(3600);
    static final Instant VIEWED = RELEASED.plusSeconds(7200);
    static final Instant ACCEPTED = RELEASED.plusSeconds(86_400);

    @Autowired
    OutcomeRepository outcomes;

    @Test
    void eventsInAnyOrderAndRedeliveredBuildTheSameRow() {
        var party = UUID.randomUUID();
        var offerId = "offer-" + UUID.randomUUID().toString().substring(0, 13);
        var agreementId =
                "agmt-" + UUID.randomUUID().toString().replace("-", "").substring(0, 25);
        var value = Money.parse("USD 1200.00");

        // Backwards: acceptance and positioning first, a later view before the first, the draft last.
        for (int delivery = 0; delivery < 2; delivery++) {
            outcomes.agreement(agreementId, offerId, party, ACCEPTED, value, false);
            outcomes.first("accepted_at", offerId, party, "prod-x", ACCEPTED);
            outcomes.positioned(offerId, party, "Strategic", new BigDecimal("12.5"));
            outcomes.first("first_viewed_at", offerId, party, "prod-x", VIEWED.plusSeconds(60));
            outcomes.first("first_viewed_at", offerId, party, "prod-x", VIEWED);
            outcomes.released(offerId, party, "prod-x", RELEASED, ACCEPTED, party, "INSTALLMENTS", "STANDARD", "SPO");
            outcomes.first("drafted_at", offerId, party, "prod-x", DRAFTED);
        }

        var month = YearMonth.from(DRAFTED.atZone(ZoneOffset.UTC));
        assertThat(outcomes.outcomes(party, month, month))
                .containsExactly(new OfferOutcome(
                        offerId,
                        party,
                        party,
                        "prod-x",
                        DRAFTED,
                        RELEASED,
                        VIEWED,
                        ACCEPTED,
                        null,
                        "INSTALLMENTS",
                        "STANDARD",
                        "SPO",
                        "Strategic",
                        new BigDecimal("12.5000")));
        assertThat(outcomes.booked(party, month, month)).containsExactly(new OutcomeRepository.Booked(month, value));
        assertThat(outcomes.agreementIds(party)).containsExactly(agreementId);
        // The renewal engine's draft, recorded once however often it is delivered, read by its proposer only.
        outcomes.renewalDrafted(agreementId, "offer-renewal000001", party, "REPLACEMENT", ACCEPTED, ACCEPTED);
        outcomes.renewalDrafted(agreementId, "offer-renewal000002", party, "REPLACEMENT", ACCEPTED, ACCEPTED);
        assertThat(outcomes.renewalDrafts(party, List.of(agreementId, "agmt-other")))
                .isEqualTo(Map.of(agreementId, "offer-renewal000001"));
        assertThat(outcomes.renewalDrafts(UUID.randomUUID(), List.of(agreementId)))
                .isEmpty();
        assertThat(outcomes.outcomes(UUID.randomUUID(), month, month)).isEmpty();
        assertThat(outcomes.outcomes(party, month.plusMonths(1), month.plusMonths(1)))
                .isEmpty();
    }
}
