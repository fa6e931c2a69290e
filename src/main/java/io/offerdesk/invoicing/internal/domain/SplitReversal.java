package io.offerdesk.invoicing.internal.domain;

import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.Posting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.joda.money.Money;

/**
 * Takes back a share of what collections split out of an invoice's money. Whenever money is applied to an invoice,
 * its collection entry moves the net part out of marketplace clearing to the payees (seller, partner) and, from #7 on,
 * the marketplace's fees; a refund of part of that money must take the same share back from every one of them. This
 * works on the postings as posted and knows no leg by name, so legs added later are reversed alike.
 */
public final class SplitReversal {

    private SplitReversal() {}

    /** What still stands of one kind of split posting (same debit and credit account) of an invoice. */
    public record Leg(LedgerAccount debit, LedgerAccount credit, Money amount) {

        /** Whether the leg moved money out of clearing, i.e. is a part of the net collected. */
        boolean outOfClearing() {
            return debit.role() == AccountRole.MARKETPLACE_CLEARING;
        }
    }

    private record Pair(LedgerAccount debit, LedgerAccount credit) {}

    /** What stands of a payee's net out of clearing, and what a reversal gives back of it. */
    private record PayeeReturn(Money net, Money returned) {}

    /**
     * The legs the invoice's collection entries posted, summed per pair of accounts, less what earlier reversals (the
     * postings of earlier credit memos that move the other way between the same two accounts) took back.
     *
     * @param earlier every posting of the invoice's earlier credit memo entries; those that reverse no split leg are
     *     ignored
     */
    public static List<Leg> standing(List<Posting> collected, List<Posting> earlier) {
        var legs = new LinkedHashMap<Pair, Money>();
        for (var posting : collected) {
            legs.merge(new Pair(posting.debit(), posting.credit()), posting.amount(), Money::plus);
        }
        for (var posting : earlier) {
            legs.computeIfPresent(new Pair(posting.credit(), posting.debit()), (pair, left) -> {
                var rest = left.minus(posting.amount());
                if (rest.isNegative()) {
                    throw new IllegalArgumentException("Reversed more of " + pair + " than was collected");
                }
                return rest;
            });
        }
        var standing = new ArrayList<Leg>();
        legs.forEach((pair, amount) -> {
            if (amount.isPositive()) {
                standing.add(new Leg(pair.debit(), pair.credit(), amount));
            }
        });
        return List.copyOf(standing);
    }

    /**
     * The net that reversing the share {@code refund / held} of the split gives back to clearing: the standing legs
     * out of clearing times that share, in one rounding toward zero. Refunding everything held gives back everything that stands.
     */
    public static Money proportionalNet(List<Leg> standing, Money refund, Money held) {
        var collectedNet = outOfClearing(standing, refund.withAmount(0));
        return collectedNet.isZero() || refund.isZero()
                ? collectedNet.withAmount(0)
                : LargestRemainder.share(collectedNet, refund, held);
    }

    /**
     * Postings that undo the share {@code refund / held} of every standing leg: the legs out of clearing give back
     * {@code returnedNet} together, divided over them by {@link LargestRemainder#divide}; every other leg (a fee
     * between payee and marketplace) gives back the share its payee gives back of its net, rounded toward zero, so a
     * payee never keeps more fee than net when a bundle's credit takes back more than the refund's share (see
     * {@link CreditMemos#plan}). A leg out of an account that holds no standing net gives back {@code refund / held} of
     * itself. Refunding everything held reverses everything that stands, exactly.
     *
     * @param refund the paid part being refunded, at most {@code held}
     * @param held what the buyer paid and was not given back, the money the standing legs were split from
     * @param returnedNet {@link #proportionalNet}, or a minor unit off it where the credit memo's division needs that
     *     (see {@link CreditMemos#plan}); at most what stands out of clearing
     */
    public static List<Posting> reverse(List<Leg> standing, Money refund, Money held, Money returnedNet) {
        if (refund.isNegative() || refund.isGreaterThan(held)) {
            throw new IllegalArgumentException("Cannot refund " + refund + " of " + held + " held");
        }
        if (refund.isZero()) {
            return List.of();
        }
        var outOfClearing = standing.stream().filter(Leg::outOfClearing).toList();
        var parts = LargestRemainder.divide(
                returnedNet, outOfClearing.stream().map(Leg::amount).toList());
        var payees = new HashMap<LedgerAccount, PayeeReturn>();
        for (int i = 0; i < outOfClearing.size(); i++) {
            var leg = outOfClearing.get(i);
            payees.put(leg.credit(), new PayeeReturn(leg.amount(), parts.get(i)));
        }
        var postings = new ArrayList<Posting>();
        for (var leg : standing) {
            var payee = payees.get(leg.outOfClearing() ? leg.credit() : leg.debit());
            Money amount;
            if (payee == null) {
                amount = LargestRemainder.share(leg.amount(), refund, held);
            } else if (leg.outOfClearing()) {
                amount = payee.returned();
            } else {
                amount = LargestRemainder.share(leg.amount(), payee.returned(), payee.net());
            }
            if (amount.isPositive()) {
                postings.add(new Posting(leg.credit(), leg.debit(), amount));
            }
        }
        return List.copyOf(postings);
    }

    /** The net the standing legs took out of clearing. */
    public static Money outOfClearing(List<Leg> standing, Money zero) {
        return standing.stream().filter(Leg::outOfClearing).map(Leg::amount).reduce(zero, Money::plus);
    }

    /** The net a reversal gives back to clearing. */
    public static Money returnedToClearing(List<Posting> reversal, Money zero) {
        return reversal.stream()
                .filter(p -> p.credit().role() == AccountRole.MARKETPLACE_CLEARING)
                .map(Posting::amount)
                .reduce(zero, Money::plus);
    }
}
