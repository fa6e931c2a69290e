package io.offerdesk.offers;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.SupportTerm;
import io.offerdesk.shared.Sha256;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OfferTermIdTests {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    static Offer offer(String id) {
        return Offer.draft(new OfferId(id), UUID.randomUUID(), "prod-aaaaaaaaaaaaa", "Offer", NOW);
    }

    @Test
    void aTermIdIsTheFirst32HexDigitsOfTheHashOfOfferIdAndTermType() {
        var support = new SupportTerm("Refunds within 30 days.");
        var expected = "term-" + Sha256.hex("offer-aaaaaaaaaaaaa/SupportTerm").substring(0, 32);
        assertThat(offer("offer-aaaaaaaaaaaaa").termId(support))
                .isEqualTo(expected)
                .matches("term-[0-9a-f]{32}");
    }

    @Test
    void theIdDependsOnTheOfferAndTheTypeOnlySoItSurvivesChangesToTheTerm() {
        var offer = offer("offer-aaaaaaaaaaaaa");
        var changed = offer.withTerms(SupportTerm.class, List.of(new SupportTerm("No refunds.")));
        assertThat(changed.termId(new SupportTerm("No refunds.")))
                .isEqualTo(offer.termId(new SupportTerm("Refunds within 30 days.")));
        assertThat(offer.termId(new NetPaymentTerm(Period.ofDays(30))))
                .isNotEqualTo(offer.termId(new SupportTerm("No refunds.")));
        assertThat(offer("offer-bbbbbbbbbbbbb").termId(new SupportTerm("No refunds.")))
                .isNotEqualTo(offer.termId(new SupportTerm("No refunds.")));
    }
}
