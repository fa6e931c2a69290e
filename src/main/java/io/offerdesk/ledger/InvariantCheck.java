package io.offerdesk.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one run of the invariant check proved, over one snapshot of the whole journal: every entry balances per
 * currency, so does the journal as a whole, every posting is in the currency of its accounts, every reversal mirrors
 * its original, no entry is empty, and every balance as read (latest checkpoint plus postings since) equals the sum of
 * all the account's postings.
 *
 * @param lastEntryId the newest entry the snapshot held, null for an empty journal
 * @param violationCount every violation found; {@code violations} keeps the first {@link #KEPT_PER_KIND} of each kind
 * @param totals Σ debits and Σ credits per currency over the whole journal
 */
public record InvariantCheck(
        long id,
        Instant checkedAt,
        Trigger trigger,
        @Nullable Long lastEntryId,
        long entries,
        long postings,
        long accounts,
        long checkpoints,
        long violationCount,
        Duration elapsed,
        List<CurrencyTotal> totals,
        List<InvariantViolation> violations) {

    /** Violations kept per kind; the count covers them all. */
    public static final int KEPT_PER_KIND = 20;

    public enum Trigger {
        /** The daily job. */
        SCHEDULED,
        /** Someone asked for it (the operator's "run check"). */
        ON_REQUEST
    }

    /** The sums of one currency's postings, in its minor unit, counted in the currencies of the accounts. */
    public record CurrencyTotal(String currency, long debitsMinor, long creditsMinor) {

        public boolean balanced() {
            return debitsMinor == creditsMinor;
        }
    }

    public InvariantCheck {
        totals = List.copyOf(totals);
        violations = List.copyOf(violations);
    }

    public boolean passed() {
        return violationCount == 0;
    }
}
