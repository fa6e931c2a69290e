package io.offerdesk.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.catalog.ProductType;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.Grant;
import io.offerdesk.shared.AccountId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What each party sees of a channel partner private offer's agreement: one decision, in Agreement.seenFrom. */
class AgreementSidesTests {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final CurrencyUnit USD = CurrencyUnit.USD;
    static final AcceptedTerm BUYER_TERM = term("1080.00");
    static final AcceptedTerm WHOLESALE_TERM = term("800.00");

    @Test
    void theBuyerSeesItsPricesAndNeverTheWholesaleSide() {
        var seen = resold().seenFrom(Agreement.Side.BUYER);

        assertThat(seen.wholesale()).isNull();
        assertThat(seen.resaleAuthorizationId()).isNull();
        assertThat(seen.terms()).containsExactly(BUYER_TERM);
        assertThat(seen.agreementValue()).isEqualTo(Money.of(USD, 1080));
        assertThat(seen.charges()).singleElement().satisfies(c -> {
            assertThat(c.amount()).isEqualTo(Money.of(USD, 1080));
            assertThat(c.wholesaleAmount()).isNull();
            assertThat(c.purchaseOrderReference()).isEqualTo("PO-1");
        });
    }

    @Test
    void theIsvSeesTheWholesaleSideOnlyNeverTheBuyersPricesOrPurchaseOrders() {
        var seen = resold().seenFrom(Agreement.Side.PUBLISHER);

        assertThat(seen.terms()).containsExactly(WHOLESALE_TERM);
        assertThat(seen.agreementValue()).isEqualTo(Money.of(USD, 800));
        assertThat(seen.resaleAuthorizationId()).isEqualTo("resaleauthz-abcdefghijklm");
        assertThat(seen.charges()).singleElement().satisfies(c -> {
            assertThat(c.amount()).isEqualTo(Money.of(USD, 800));
            assertThat(c.purchaseOrderReference()).isNull();
        });
        assertThat(seen.toString()).doesNotContain("1080");
    }

    @Test
    void theSellerOfRecordSeesBothSides() {
        var agreement = resold();

        assertThat(agreement.seenFrom(Agreement.Side.WHOLE)).isEqualTo(agreement);
        assertThat(agreement.charges().getFirst().wholesaleAmount()).isEqualTo(Money.of(USD, 800));
    }

    @Test
    void aDirectAgreementLooksTheSameToItsPublisher() {
        var direct = agreement(null, null);

        assertThat(direct.seenFrom(Agreement.Side.PUBLISHER)).isEqualTo(direct);
        assertThat(direct.isResale()).isFalse();
    }

    private static Agreement resold() {
        return agreement(
                new Wholesale("resaleauthz-abcdefghijklm", List.of(WHOLESALE_TERM), Money.of(USD, 800)),
                Money.of(USD, 800));
    }

    private static Agreement agreement(@Nullable Wholesale wholesale, @Nullable Money wholesaleAmount) {
        var random = new Random(1);
        var id = AgreementId.fresh(random);
        var charge = new AgreementCharge(
                "charge-1",
                1,
                NOW,
                Money.of(USD, 1080),
                ChargeTiming.ON_ACCEPTANCE,
                AgreementCharge.State.DUE,
                "PO-1",
                wholesaleAmount);
        return new Agreement(
                id,
                id,
                "offer-abcdefghijklm",
                "offerset-abcdefghijklm",
                "prod-abcdefghijklm",
                ProductType.SAAS,
                UUID.randomUUID(),
                new AccountId("300000000001"),
                UUID.randomUUID(),
                UUID.randomUUID(),
                new AccountId("400000000001"),
                new AccountId("400000000001"),
                AgreementRequestId.fresh(random),
                NOW,
                NOW,
                NOW.plusSeconds(86_400),
                List.of(BUYER_TERM),
                Money.of(USD, 1080),
                wholesale,
                List.of(charge),
                AgreementStatus.ACTIVE,
                0,
                null,
                NOW,
                1);
    }

    private static AcceptedTerm term(String price) {
        return new AcceptedTerm(
                "term-1",
                new FixedUpfrontPricingTerm("USD", new BigDecimal(price), List.of(new Grant("users", 10)), null),
                null);
    }
}
