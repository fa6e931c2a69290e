package io.offerdesk.commitments;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import org.joda.money.Money;

/**
 * How much of the spend billed on given agreements counted toward the buyers' spend commitments (EDP), for the
 * sellers' analytics. Unscoped: the caller passes only agreements its reader may see.
 */
public interface CommitmentContributions {

    /**
     * One month's (UTC, by invoice date) figures in one currency.
     *
     * @param billed what the buyers were billed on the agreements, credit memos deducted
     * @param counted the part that drew down one of the buyer's commitments: invoiced within one of its contract years,
     *     in its currency, for an eligible product of a type it does not exclude. Before the buyer's share cap, which
     *     applies to all of a buyer's spend together and so cannot be divided among its sellers
     */
    record Contribution(YearMonth month, Money billed, Money counted) {}

    /** The figures of the agreements' invoice lines from {@code from} to {@code to}, by month and currency. */
    List<Contribution> of(Collection<String> agreementIds, YearMonth from, YearMonth to);
}
