package io.offerdesk.invoicing.internal.domain;

import io.offerdesk.invoicing.Invoice;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.shared.Allocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joda.money.Money;

/**
 * Who is owed money applied to an invoice (payment or credit). Its net part moves from the marketplace's clearing
 * account to the payees of the invoice's lines: for a direct line the ISV that publishes the product; for a resold
 * line the ISV its wholesale part and the channel partner, seller of record, the rest. Its tax part stays owed to the
 * tax authority.
 *
 * <p>An application's split is the difference between two cumulative splits: of what was collected on the invoice
 * before it, and of that plus the amount applied. A cumulative split rounds once per share and gives the remainder to a
 * named leg (the seller of record's part of the largest line): the net part is the collected amount times subtotal
 * over total, the tax part the rest; the net part is shared out leg by leg, each leg's share its weight's part of what
 * the legs after it have not yet taken. Each step is a two-leg {@link Allocation} (rounded toward zero), so every
 * share is monotone in the collected amount, which a one-pass split of three or more legs is not (its remainder leg
 * can shrink as the collected amount grows). So the parts of every application sum to it, no share is negative, and
 * the application that settles the invoice brings each payee to exactly its whole part: clearing nets to zero for a
 * paid invoice.
 *
 * <p>The listing fee (ADR 0019) is charged to the ISV on its share of each line, at the rate its agreement took at
 * acceptance: on the net of a direct line, on the wholesale part of a resold one (the partner's markup bears none). It
 * is cumulative too: the fee of what was collected so far is the ISV's cumulative share of the line times the rate,
 * rounded once toward zero, and an application's fee the difference. So fees are monotone, never more than the share
 * they come from, and the application that settles the invoice brings the fee to exactly the whole share's fee in one
 * rounding; the ISV keeps the rest.
 */
public final class CollectionSplit {

    private CollectionSplit() {}

    /** An account the net part of collected money is owed to. */
    public record Payee(AccountRole role, UUID partyId) {}

    public record Share(Payee payee, Money amount) {}

    /** The listing fee an ISV pays the marketplace out of its share: at most that share. */
    public record Fee(UUID payerPartyId, Money amount) {}

    /**
     * What one payee got of one invoice line, and the fee it paid on that, at the line's rate: the detail that
     * {@link Split#shares()} and {@link Split#fees()} sum per payee, kept so that reports can tell collected money and
     * fees per product.
     */
    public record LineShare(int lineNo, Payee payee, Money share, Money fee, BigDecimal feeRatePercent) {}

    /**
     * @param net what moves from clearing to the payees: the sum of the shares
     * @param tax the rest of the amount applied, which stays owed to the tax authority
     * @param shares one per payee that gets anything, in the order of the invoice's lines
     * @param fees one per ISV that owes a listing fee on its shares, in the same order
     * @param lines the shares and fees per line and payee, summing to {@code shares} and {@code fees}
     */
    public record Split(Money net, Money tax, List<Share> shares, List<Fee> fees, List<LineShare> lines) {
        public Split {
            shares = List.copyOf(shares);
            fees = List.copyOf(fees);
            lines = List.copyOf(lines);
        }
    }

    /** @param feeRate the listing fee in percent charged on this leg's share; zero for a partner's markup */
    private record Leg(int lineNo, Payee payee, long weight, BigDecimal feeRate) {}

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The split without listing fees: what moves out of clearing, and to whom, is the same with them. */
    public static Split of(Invoice invoice, Money collectedBefore, Money applied) {
        return of(invoice, collectedBefore, applied, Map.of());
    }

    /**
     * @param collectedBefore what was applied to the invoice before (payments and credit)
     * @param applied what is applied now; with {@code collectedBefore} at most the invoice's total
     * @param feeRates the listing fee in percent (0 to 100) of each agreement that has one, by agreement id
     */
    public static Split of(Invoice invoice, Money collectedBefore, Money applied, Map<String, BigDecimal> feeRates) {
        var currency = invoice.total().getCurrencyUnit();
        if (!applied.isPositive() || collectedBefore.isNegative()) {
            throw new IllegalArgumentException("Cannot split " + applied + " after " + collectedBefore);
        }
        var after = collectedBefore.plus(applied);
        if (after.isGreaterThan(invoice.total())) {
            throw new IllegalArgumentException(
                    "Cannot collect " + after + " on invoice " + invoice.id() + " of " + invoice.total());
        }
        var legs = legs(invoice, feeRates);
        long subtotal = invoice.subtotal().getAmountMinorLong();
        long total = invoice.total().getAmountMinorLong();
        var sharesBefore = cumulative(legs, subtotal, total, collectedBefore);
        var sharesAfter = cumulative(legs, subtotal, total, after);
        var byPayee = new LinkedHashMap<Payee, Long>();
        var feeByPayer = new LinkedHashMap<UUID, Long>();
        var lines = new ArrayList<LineShare>();
        for (int i = 0; i < legs.size(); i++) {
            var leg = legs.get(i);
            long share = sharesAfter[i] - sharesBefore[i];
            if (share < 0) {
                throw new IllegalStateException("Negative share " + share + " of " + leg);
            }
            if (share > 0) {
                byPayee.merge(leg.payee(), share, Long::sum);
            }
            long fee = fee(sharesAfter[i], leg.feeRate()) - fee(sharesBefore[i], leg.feeRate());
            if (fee > 0) {
                feeByPayer.merge(leg.payee().partyId(), fee, Long::sum);
            }
            if (share > 0 || fee > 0) {
                lines.add(new LineShare(
                        leg.lineNo(),
                        leg.payee(),
                        Money.ofMinor(currency, share),
                        Money.ofMinor(currency, fee),
                        leg.feeRate()));
            }
        }
        var shares = byPayee.entrySet().stream()
                .map(e -> new Share(e.getKey(), Money.ofMinor(currency, e.getValue())))
                .toList();
        var fees = feeByPayer.entrySet().stream()
                .map(e -> new Fee(e.getKey(), Money.ofMinor(currency, e.getValue())))
                .toList();
        var net = shares.stream().map(Share::amount).reduce(Money.zero(currency), Money::plus);
        return new Split(net, applied.minus(net), shares, fees, lines);
    }

    /** The fee on a cumulative share, in minor units: one rounding, toward zero. */
    private static long fee(long share, BigDecimal ratePercent) {
        return BigDecimal.valueOf(share)
                .multiply(ratePercent)
                .divide(HUNDRED, 0, RoundingMode.DOWN)
                .longValueExact();
    }

    /**
     * The legs of the invoice's net amount, in line order with the named leg last; legs with nothing to share are
     * left out.
     */
    private static List<Leg> legs(Invoice invoice, Map<String, BigDecimal> feeRates) {
        var legs = new ArrayList<Leg>();
        long sum = 0;
        for (var line : invoice.lines()) {
            long amount = line.amount().getAmountMinorLong();
            var wholesale = line.wholesaleAmount();
            if (amount < 0
                    || (wholesale != null && (wholesale.isNegative() || wholesale.isGreaterThan(line.amount())))) {
                throw new IllegalArgumentException(
                        "Line " + line.lineNo() + " of " + invoice.id() + " cannot be split");
            }
            sum += amount;
            var feeRate = feeRates.getOrDefault(line.agreementId(), BigDecimal.ZERO);
            if (feeRate.signum() < 0 || feeRate.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException("Fee rate " + feeRate + " of " + line.agreementId());
            }
            if (wholesale == null) {
                legs.add(new Leg(
                        line.lineNo(),
                        new Payee(AccountRole.SELLER_PAYABLE, line.publisherPartyId()),
                        amount,
                        feeRate));
            } else {
                legs.add(new Leg(
                        line.lineNo(),
                        new Payee(AccountRole.SELLER_PAYABLE, line.publisherPartyId()),
                        wholesale.getAmountMinorLong(),
                        feeRate));
                legs.add(new Leg(
                        line.lineNo(),
                        new Payee(AccountRole.PARTNER_PAYABLE, invoice.sellerPartyId()),
                        amount - wholesale.getAmountMinorLong(),
                        BigDecimal.ZERO));
            }
        }
        if (sum != invoice.subtotal().getAmountMinorLong()) {
            throw new IllegalArgumentException("The lines of " + invoice.id() + " do not sum to its subtotal");
        }
        int named = namedLeg(invoice);
        var ordered = new ArrayList<Leg>();
        for (int i = 0; i < legs.size(); i++) {
            if (i != named && legs.get(i).weight() > 0) {
                ordered.add(legs.get(i));
            }
        }
        if (named >= 0) {
            ordered.add(legs.get(named));
        }
        return ordered;
    }

    /**
     * The position among the legs of the seller of record's leg of the largest line (the first of equals), or of that
     * line's other leg when the seller of record's is empty; -1 when no line has an amount.
     */
    private static int namedLeg(Invoice invoice) {
        int index = 0;
        int named = -1;
        Money largest = null;
        for (var line : invoice.lines()) {
            var wholesale = line.wholesaleAmount();
            if (line.amount().isPositive() && (largest == null || line.amount().isGreaterThan(largest))) {
                largest = line.amount();
                // A resold line's second leg is the partner's, the seller of record's.
                named = wholesale != null && wholesale.isLessThan(line.amount()) ? index + 1 : index;
            }
            index += wholesale == null ? 1 : 2;
        }
        return named;
    }

    /** Each leg's cumulative share of {@code collected}, in the order of {@code legs}. */
    private static long[] cumulative(List<Leg> legs, long subtotal, long total, Money collected) {
        var shares = new long[legs.size()];
        if (legs.isEmpty()) {
            return shares;
        }
        long left = part(collected, subtotal, total);
        long weightLeft = legs.stream().mapToLong(Leg::weight).sum();
        for (int i = 0; i < legs.size() - 1; i++) {
            long weight = legs.get(i).weight();
            shares[i] = part(Money.ofMinor(collected.getCurrencyUnit(), left), weight, weightLeft);
            left -= shares[i];
            weightLeft -= weight;
        }
        shares[legs.size() - 1] = left;
        return shares;
    }

    /** The share of {@code amount} in proportion {@code weight} of {@code of}, in minor units: one rounding. */
    private static long part(Money amount, long weight, long of) {
        var weights = List.of(BigDecimal.valueOf(weight), BigDecimal.valueOf(of - weight));
        return Allocation.split(amount, weights, 1).getFirst().getAmountMinorLong();
    }
}
