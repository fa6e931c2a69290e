package io.offerdesk.ledger;

import org.jspecify.annotations.Nullable;

/**
 * One thing the invariant check found wrong. Rows written around the ledger (by SQL) are read as they are, so the
 * account and currency are given as stored text, never parsed.
 *
 * @param entryKey the idempotency key of the entry concerned, if the violation is about an entry
 * @param account the account concerned as {@code ROLE/owner/CURRENCY}, if the violation is about an account
 * @param currency the currency concerned
 * @param facts the figures that break the invariant, e.g. {@code debits 1000 ≠ credits 900} (minor units)
 */
public record InvariantViolation(
        Kind kind,
        @Nullable String entryKey,
        @Nullable String account,
        @Nullable String currency,
        String facts) {

    public enum Kind {
        /** An entry's debits and credits differ in a currency (counted in the currencies of the accounts). */
        UNBALANCED_ENTRY,
        /** Over the whole journal, debits and credits differ in a currency. */
        UNBALANCED_CURRENCY,
        /** A posting's currency is not that of its debit or its credit account. */
        CURRENCY_MISMATCH,
        /** A reversal does not mirror the entry it reverses, leg by leg. */
        REVERSAL_MISMATCH,
        /** An entry without postings. */
        EMPTY_ENTRY,
        /** A posting that names an entry or account that does not exist, or a reversal of an entry that does not. */
        DANGLING_REFERENCE,
        /** An account's balance as read (latest checkpoint plus postings since) differs from the sum of all its postings. */
        DERIVED_BALANCE_MISMATCH
    }
}
