package io.offerdesk.invoicing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.internal.domain.CollectionSplit.Payee;
import io.offerdesk.ledger.AccountRole;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Invoices of every shape, collected in payments of every size at any listing-fee rate: each application's parts sum
 * to it, no share or fee is negative, no ISV's fee exceeds the share it comes from, and once the invoice is settled
 * every payee holds exactly its part, the tax authority the tax, and the marketplace each line's fee in one rounding.
 */
class CollectionSplitPropertyTests {

    static final List<UUID> PUBLISHERS = List.of(Invoices.ISV, Invoices.OTHER_ISV, UUID.randomUUID());

    /** @param feeRate the listing fee in percent of the invoice's agreement */
    record Case(Invoice invoice, List<Long> payments, BigDecimal feeRate) {}

    /** The schedule's rates, the extremes, and any rate with four decimals. */
    static Arbitrary<BigDecimal> feeRates() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "1.5", "2", "2.5", "3", "3.5", "20", "100").map(BigDecimal::new),
                Arbitraries.bigDecimals()
                        .between(BigDecimal.ZERO, BigDecimal.valueOf(100))
                        .ofScale(4));
    }

    @Provide
    Arbitrary<Case> invoicesAndPayments() {
        var currency = Arbitraries.of(CurrencyUnit.USD, CurrencyUnit.JPY, CurrencyUnit.EUR);
        var line = Combinators.combine(
                        Arbitraries.of(PUBLISHERS),
                        Arbitraries.longs().between(0, 5_000_000),
                        Arbitraries.integers().between(0, 100),
                        Arbitraries.of(true, false),
                        Arbitraries.longs().between(0, 500_000))
                .as((publisher, amount, wholesalePercent, resold, tax) ->
                        new Invoices.Line(publisher, amount, resold ? amount * wholesalePercent / 100 : null, tax));
        var lines = line.list().ofMinSize(1).ofMaxSize(6);
        var cuts = Arbitraries.doubles().between(0, 1).list().ofMinSize(0).ofMaxSize(8);
        return Combinators.combine(currency, Arbitraries.of(true, false), lines, cuts, feeRates())
                .as((c, partner, ls, fractions, rate) -> {
                    var invoice = Invoices.invoice(c, partner ? Invoices.PARTNER : Invoices.ISV, ls);
                    return new Case(invoice, payments(invoice.total().getAmountMinorLong(), fractions), rate);
                })
                .filter(c -> c.invoice().total().isPositive());
    }

    /** Positive payments that sum to the total, cut at the given fractions of it. */
    static List<Long> payments(long total, List<Double> fractions) {
        var cuts = new ArrayList<Long>();
        cuts.add(0L);
        fractions.forEach(f -> cuts.add((long) (f * total)));
        cuts.add(total);
        var sorted = cuts.stream().distinct().sorted().toList();
        var payments = new ArrayList<Long>();
        for (int i = 1; i < sorted.size(); i++) {
            payments.add(sorted.get(i) - sorted.get(i - 1));
        }
        return payments;
    }

    @Property(tries = 1000)
    void partsSumToWholesAndSettleEveryPayeeExactly(@ForAll("invoicesAndPayments") Case c) {
        var invoice = c.invoice();
        var currency = invoice.total().getCurrencyUnit();
        var collected = Money.zero(currency);
        var tax = Money.zero(currency);
        var owed = new HashMap<Payee, Money>();
        var feesPaid = new HashMap<UUID, Money>();
        var rates = Map.of(invoice.lines().getFirst().agreementId(), c.feeRate());
        for (long minor : c.payments()) {
            var applied = Money.ofMinor(currency, minor);
            var split = CollectionSplit.of(invoice, collected, applied, rates);
            assertThat(split.net().plus(split.tax())).isEqualTo(applied);
            assertThat(split.tax().isNegative()).isFalse();
            split.shares().forEach(share -> {
                assertThat(share.amount().isPositive()).isTrue();
                owed.merge(share.payee(), share.amount(), Money::plus);
            });
            // Without fees the same money goes to the same payees: fees only move part of an ISV's share on.
            assertThat(CollectionSplit.of(invoice, collected, applied).shares()).isEqualTo(split.shares());
            split.fees().forEach(fee -> {
                assertThat(fee.amount().isPositive()).isTrue();
                var share = split.shares().stream()
                        .filter(s -> s.payee().equals(new Payee(AccountRole.SELLER_PAYABLE, fee.payerPartyId())))
                        .map(CollectionSplit.Share::amount)
                        .reduce(Money.zero(currency), Money::plus);
                assertThat(fee.amount()).isLessThanOrEqualTo(share);
                feesPaid.merge(fee.payerPartyId(), fee.amount(), Money::plus);
            });
            // The per-line detail kept for reports (ADR 0022) sums to the per-payee shares and fees posted.
            var lineShares = new HashMap<Payee, Money>();
            var lineFees = new HashMap<UUID, Money>();
            split.lines().forEach(line -> {
                if (line.share().isPositive()) {
                    lineShares.merge(line.payee(), line.share(), Money::plus);
                }
                if (line.fee().isPositive()) {
                    lineFees.merge(line.payee().partyId(), line.fee(), Money::plus);
                }
                assertThat(line.fee()).isLessThanOrEqualTo(line.share());
            });
            assertThat(lineShares)
                    .isEqualTo(split.shares().stream()
                            .collect(Collectors.toMap(CollectionSplit.Share::payee, CollectionSplit.Share::amount)));
            assertThat(lineFees)
                    .isEqualTo(split.fees().stream()
                            .collect(Collectors.toMap(CollectionSplit.Fee::payerPartyId, CollectionSplit.Fee::amount)));
            tax = tax.plus(split.tax());
            collected = collected.plus(applied);
        }

        assertThat(tax).isEqualTo(invoice.tax());
        assertThat(owed).isEqualTo(wholeParts(invoice));
        assertThat(feesPaid).isEqualTo(wholeFees(invoice, c.feeRate()));
    }

    /** Each ISV's fee once the invoice is paid: per line, its whole part times the rate, rounded toward zero. */
    static HashMap<UUID, Money> wholeFees(Invoice invoice, BigDecimal ratePercent) {
        var fees = new HashMap<UUID, Money>();
        for (var line : invoice.lines()) {
            var wholesale = line.wholesaleAmount();
            var part = wholesale == null ? line.amount() : wholesale;
            var fee = part.multipliedBy(ratePercent.movePointLeft(2), RoundingMode.DOWN);
            fees.merge(line.publisherPartyId(), fee, Money::plus);
        }
        fees.values().removeIf(Money::isZero);
        return fees;
    }

    /** What each payee is owed of the invoice's net amount once it is paid. */
    static HashMap<Payee, Money> wholeParts(Invoice invoice) {
        var parts = new HashMap<Payee, Money>();
        for (var line : invoice.lines()) {
            var wholesale = line.wholesaleAmount();
            var isv = new Payee(AccountRole.SELLER_PAYABLE, line.publisherPartyId());
            if (wholesale == null) {
                parts.merge(isv, line.amount(), Money::plus);
            } else {
                parts.merge(isv, wholesale, Money::plus);
                parts.merge(
                        new Payee(AccountRole.PARTNER_PAYABLE, invoice.sellerPartyId()),
                        line.amount().minus(wholesale),
                        Money::plus);
            }
        }
        parts.values().removeIf(Money::isZero);
        return parts;
    }
}
