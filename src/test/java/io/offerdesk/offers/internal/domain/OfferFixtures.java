package io.offerdesk.offers.internal.domain;

import io.offerdesk.catalog.DimensionType;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.catalog.Visibility;
import io.offerdesk.changesets.ChangeError;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.Rule.TargetingRule;
import io.offerdesk.offers.Term.DocumentType;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.Grant;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.LegalDocument;
import io.offerdesk.offers.Term.LegalTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PricingTerm;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Offers, products and contexts for the offer rules' tests. */
final class OfferFixtures {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    static final LocalDate AVAILABILITY_END = TODAY.plusDays(10);
    static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID OTHER_SELLER = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final OfferId OFFER_ID = new OfferId("offer-abcdefghijklm");
    static final AccountId BUYER = new AccountId("111111111111");
    static final String EULA_URL = "https://s3.amazonaws.com/sample-bucket/custom-eula.pdf";
    static final String STANDARD_VERSION = "2022-07-14";

    static final ProductFacts SAAS = product(ProductType.SAAS);

    static final JsonMapper JSON = JsonMapper.builder().build();

    private OfferFixtures() {}

    static ProductFacts product(ProductType type) {
        return new ProductFacts(
                "prod-abcdefghijklm",
                SELLER,
                type,
                Visibility.PUBLIC,
                true,
                Map.of(
                        "users",
                        DimensionType.ENTITLED,
                        "admins",
                        DimensionType.ENTITLED,
                        "calls",
                        DimensionType.METERED));
    }

    static OfferContext context() {
        return context(SAAS, false);
    }

    static OfferContext context(ProductFacts product, boolean anotherPublicOffer) {
        return new OfferContext(
                NOW,
                SELLER,
                product,
                OfferLimits.DEFAULTS,
                Set.of(STANDARD_VERSION),
                EULA_URL::equals,
                anotherPublicOffer,
                () -> OFFER_ID,
                null,
                null);
    }

    static Offer draft() {
        return Offer.draft(OFFER_ID, SELLER, SAAS.id(), "Acme private offer", NOW);
    }

    static FixedUpfrontPricingTerm fixedUpfront(String currency, String price) {
        return new FixedUpfrontPricingTerm(currency, new BigDecimal(price), List.of(new Grant("users", 10)), null);
    }

    static PaymentScheduleTerm schedule(String currency, Installment... installments) {
        return new PaymentScheduleTerm(currency, List.of(installments));
    }

    static Installment charge(LocalDate date, String amount) {
        return new Installment(date, new BigDecimal(amount));
    }

    /** A private contract offer with an installment plan: everything release needs, as in AWS's sample. */
    static Offer readyDraft() {
        return draft().withInformation("Acme private offer", "Three-year deal", null)
                .withTargeting(new TargetingRule(List.of(BUYER), List.of(), List.of()))
                .withPricingModel(OfferPricingModel.CONTRACT)
                .withTerms(PricingTerm.class, List.of(fixedUpfront("USD", "0.0")))
                .withTerms(ValidityTerm.class, List.of(new ValidityTerm(Period.ofMonths(12), null, null)))
                .withTerms(
                        PaymentScheduleTerm.class,
                        List.of(schedule(
                                "USD", charge(TODAY.plusDays(5), "200.00"), charge(TODAY.plusDays(40), "170.00"))))
                .withTerms(
                        LegalTerm.class,
                        List.of(new LegalTerm(List.of(new LegalDocument(DocumentType.CUSTOM_EULA, EULA_URL, null)))))
                .withAvailabilityEndDate(AVAILABILITY_END);
    }

    static Offer released() {
        return readyDraft().released(NOW);
    }

    static Decision decide(@Nullable Offer current, OfferChange change) {
        return OfferDecisions.decide(current, change, context());
    }

    static List<String> codes(Decision decision) {
        return switch (decision) {
            case Decision.Accepted accepted -> List.of();
            case Decision.Rejected rejected ->
                rejected.errors().stream().map(ChangeError::code).toList();
        };
    }

    static Offer accepted(Decision decision) {
        return switch (decision) {
            case Decision.Accepted accepted -> accepted.next();
            case Decision.Rejected rejected -> throw new AssertionError("rejected: " + rejected.errors());
        };
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** The violations {@code checks} collected. */
    static List<FieldViolation> violations(Validations checks) {
        try {
            checks.throwIfInvalid();
            return List.of();
        } catch (InvalidInput invalid) {
            return invalid.violations();
        }
    }
}
