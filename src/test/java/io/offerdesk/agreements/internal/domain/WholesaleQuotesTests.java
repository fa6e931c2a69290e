package io.offerdesk.agreements.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.agreements.RequestedTerm;
import io.offerdesk.agreements.TermConfiguration.ContractConfiguration;
import io.offerdesk.agreements.TermConfiguration.DimensionQuantity;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.Resale;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.Constraint;
import io.offerdesk.offers.Term.Constraints;
import io.offerdesk.offers.Term.ContractRateCard;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.Grant;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.ValidityTerm;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The wholesale side of a channel partner private offer's quote: the same accepted configuration priced with the
 * wholesale terms, each wholesale charge paired with the buyer charge at the same time and timing.
 */
class WholesaleQuotesTests {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    static final String ENTITY = "Offerdesk Marketplace";

    @Test
    void pairsEveryInstallmentWithTheWholesaleInstallmentOfItsDate() {
        var buyer = schedule("1080.00", "1080.00", "1080.50");
        var wholesale = schedule("800.00", "800.00", "800.40");
        var offer = resold(List.of(grant(), validity(), wholesale), grant(), validity(), buyer);
        var quote = Quotes.quote(offer, all(offer), NOW, ENTITY);

        var side = Objects.requireNonNull(Quotes.wholesale(offer, quote, NOW));

        assertThat(side.amounts())
                .extracting(Money::getAmount)
                .containsExactly(new BigDecimal("800.00"), new BigDecimal("800.00"), new BigDecimal("800.40"));
        assertThat(side.value().getAmount()).isEqualByComparingTo("2400.40");
        assertThat(quote.charges().agreementValue().getAmount()).isEqualByComparingTo("3240.50");
        assertThat(side.terms()).extracting(t -> t.term()).containsExactly(grant(), validity(), wholesale);
    }

    @Test
    void pricesTheBuyersChosenContractWithTheWholesaleRates() {
        var buyerContract = contract("10.80");
        var wholesaleContract = contract("8.00");
        var offer = resold(List.of(wholesaleContract), buyerContract);
        var chosen = new ContractConfiguration(Period.ofMonths(12), List.of(new DimensionQuantity("users", 3)));
        var quote = Quotes.quote(offer, List.of(new RequestedTerm(offer.termId(buyerContract), chosen)), NOW, ENTITY);

        var side = Objects.requireNonNull(Quotes.wholesale(offer, quote, NOW));

        assertThat(quote.charges().expectedCharges().getFirst().amount().getAmount())
                .isEqualByComparingTo("32.40");
        assertThat(side.amounts()).extracting(Money::getAmount).containsExactly(new BigDecimal("24.00"));
        assertThat(side.terms().getFirst().configuration()).isEqualTo(chosen);
    }

    @Test
    void aDirectOfferHasNoWholesaleSide() {
        var offer = offer(null, grant(), validity(), schedule("100.00", "100.00", "100.00"));

        assertThat(Quotes.wholesale(offer, Quotes.quote(offer, all(offer), NOW, ENTITY), NOW))
                .isNull();
    }

    @Test
    void refusesSchedulesThatDoNotPair() {
        var buyer = schedule("1080.00", "1080.00", "1080.00");
        var wholesale = new PaymentScheduleTerm(
                "USD",
                List.of(
                        new Installment(TODAY.plusDays(1), new BigDecimal("800.00")),
                        new Installment(TODAY.plusMonths(1), new BigDecimal("800.00")),
                        new Installment(TODAY.plusMonths(2), new BigDecimal("800.00"))));
        var offer = resold(List.of(grant(), validity(), wholesale), grant(), validity(), buyer);
        var quote = Quotes.quote(offer, all(offer), NOW, ENTITY);

        assertThatThrownBy(() -> Quotes.wholesale(offer, quote, NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pairs");
    }

    private static PaymentScheduleTerm schedule(String first, String second, String third) {
        return new PaymentScheduleTerm(
                "USD",
                List.of(
                        new Installment(TODAY, new BigDecimal(first)),
                        new Installment(TODAY.plusMonths(1), new BigDecimal(second)),
                        new Installment(TODAY.plusMonths(2), new BigDecimal(third))));
    }

    private static FixedUpfrontPricingTerm grant() {
        return new FixedUpfrontPricingTerm("USD", BigDecimal.ZERO, List.of(new Grant("users", 10)), null);
    }

    private static ValidityTerm validity() {
        return new ValidityTerm(Period.ofMonths(12), null, null);
    }

    private static ConfigurableUpfrontPricingTerm contract(String price) {
        return new ConfigurableUpfrontPricingTerm(
                "USD",
                List.of(new ContractRateCard(
                        Period.ofMonths(12),
                        new Constraints(Constraint.ALLOWED, Constraint.ALLOWED),
                        List.of(new Rate("users", new BigDecimal(price))))));
    }

    private static Offer resold(List<Term> wholesale, Term... buyer) {
        return offer(
                new Resale("resaleauthz-abcdefghijklm", UUID.randomUUID(), wholesale, new BigDecimal("35")), buyer);
    }

    private static Offer offer(@Nullable Resale resale, Term... terms) {
        var draft = Offer.draft(
                new OfferId("offer-abcdefghijklm"), UUID.randomUUID(), "prod-abcdefghijklm", "Wholesale test", NOW);
        return draft.withTerms(Term.class, List.of(terms))
                .withResale(resale)
                .withAvailabilityEndDate(TODAY.plusDays(10))
                .released(NOW);
    }

    private static List<RequestedTerm> all(Offer offer) {
        return offer.terms().stream()
                .map(term -> new RequestedTerm(offer.termId(term), null))
                .toList();
    }
}
