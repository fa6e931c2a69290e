package io.offerdesk.invoicing.internal.domain;

import static io.offerdesk.invoicing.internal.domain.Invoices.ISV;
import static io.offerdesk.invoicing.internal.domain.Invoices.OTHER_ISV;
import static io.offerdesk.invoicing.internal.domain.Invoices.PARTNER;
import static io.offerdesk.invoicing.internal.domain.Invoices.direct;
import static io.offerdesk.invoicing.internal.domain.Invoices.invoice;
import static io.offerdesk.invoicing.internal.domain.Invoices.resold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.invoicing.internal.domain.CollectionSplit.Payee;
import io.offerdesk.invoicing.internal.domain.CollectionSplit.Share;
import io.offerdesk.ledger.AccountRole;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class CollectionSplitTests {

    static final CurrencyUnit USD = CurrencyUnit.USD;
    static final UUID THIRD_ISV = UUID.fromString("00000000-0000-0000-0000-00000000000f");

    static Money usd(String amount) {
        return Money.parse("USD " + amount);
    }

    static Payee seller(UUID party) {
        return new Payee(AccountRole.SELLER_PAYABLE, party);
    }

    @Test
    void aDirectInvoicePaidInFullOwesItsWholeNetToThePublisher() {
        var invoice = invoice(USD, ISV, List.of(direct(100_000, 0)));

        var split = CollectionSplit.of(invoice, usd("0"), usd("1000.00"));

        assertThat(split.shares()).containsExactly(new Share(seller(ISV), usd("1000.00")));
        assertThat(split.net()).isEqualTo(usd("1000.00"));
        assertThat(split.tax()).isEqualTo(usd("0.00"));
    }

    @Test
    void taxIsTheRemainderOfTheNetPartAndTwoHalvesSettleExactly() {
        // 1,000.00 plus 19% tax: half of 1,190.00 is 500.00 net and 95.00 tax.
        var invoice = invoice(USD, ISV, List.of(direct(100_000, 19_000)));

        var first = CollectionSplit.of(invoice, usd("0"), usd("595.00"));
        var second = CollectionSplit.of(invoice, usd("595.00"), usd("595.00"));

        assertThat(first.net()).isEqualTo(usd("500.00"));
        assertThat(first.tax()).isEqualTo(usd("95.00"));
        assertThat(second.net()).isEqualTo(usd("500.00"));
        assertThat(second.tax()).isEqualTo(usd("95.00"));
    }

    @Test
    void aResoldLineGivesTheIsvItsWholesalePartAndThePartnerTheRest() {
        var invoice = invoice(USD, PARTNER, List.of(resold(108_000, 80_000, 0)));

        var split = CollectionSplit.of(invoice, usd("0"), usd("540.00"));

        assertThat(split.shares())
                .containsExactly(
                        new Share(seller(ISV), usd("400.00")),
                        new Share(new Payee(AccountRole.PARTNER_PAYABLE, PARTNER), usd("140.00")));
    }

    @Test
    void theLargestLineTakesTheRoundingRemainder() {
        var lines = List.of(
                new Invoices.Line(ISV, 3_334, null, 0),
                new Invoices.Line(OTHER_ISV, 3_333, null, 0),
                new Invoices.Line(THIRD_ISV, 3_333, null, 0));
        var invoice = invoice(USD, ISV, lines);

        var split = CollectionSplit.of(invoice, usd("0"), usd("10.00"));

        // 3.333 each, rounded to 3.33 for the two smaller lines; the largest line takes the remaining 3.34.
        assertThat(split.shares())
                .containsExactly(
                        new Share(seller(OTHER_ISV), usd("3.33")),
                        new Share(seller(THIRD_ISV), usd("3.33")),
                        new Share(seller(ISV), usd("3.34")));
    }

    @Test
    void paidOneCentAtATimeEveryPayeeEndsWithExactlyItsPart() {
        var lines = List.of(
                new Invoices.Line(ISV, 1_001, 777L, 190),
                new Invoices.Line(OTHER_ISV, 555, null, 105),
                new Invoices.Line(THIRD_ISV, 333, 333L, 63));
        var invoice = invoice(USD, PARTNER, lines);
        var totals = new HashMap<Payee, Money>();
        var tax = usd("0");
        var cent = usd("0.01");
        for (var collected = usd("0"); collected.isLessThan(invoice.total()); collected = collected.plus(cent)) {
            var split = CollectionSplit.of(invoice, collected, cent);
            assertThat(split.net().plus(split.tax())).isEqualTo(cent);
            split.shares().forEach(share -> totals.merge(share.payee(), share.amount(), Money::plus));
            tax = tax.plus(split.tax());
        }

        assertThat(totals)
                .containsOnly(
                        java.util.Map.entry(seller(ISV), usd("7.77")),
                        java.util.Map.entry(new Payee(AccountRole.PARTNER_PAYABLE, PARTNER), usd("2.24")),
                        java.util.Map.entry(seller(OTHER_ISV), usd("5.55")),
                        java.util.Map.entry(seller(THIRD_ISV), usd("3.33")));
        assertThat(tax).isEqualTo(invoice.tax());
    }

    @Test
    void yenHasNoMinorUnitAndSplitsInWholeYen() {
        var invoice = invoice(CurrencyUnit.JPY, ISV, List.of(direct(10_000, 1_000)));

        var split = CollectionSplit.of(invoice, Money.parse("JPY 0"), Money.parse("JPY 1001"));

        // 1001 × 10000 / 11000 = 910.09…: 910 net, 91 tax.
        assertThat(split.net()).isEqualTo(Money.parse("JPY 910"));
        assertThat(split.tax()).isEqualTo(Money.parse("JPY 91"));
    }

    @Test
    void refusesToCollectMoreThanTheInvoicesTotal() {
        var invoice = invoice(USD, ISV, List.of(direct(100_000, 0)));

        assertThatThrownBy(() -> CollectionSplit.of(invoice, usd("900.00"), usd("100.01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CollectionSplit.of(invoice, usd("0"), usd("0")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
