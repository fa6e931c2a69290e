package io.offerdesk.ledger.internal;

/**
 * How a balance is read without a balance row that every posting would update: the account's latest checkpoint plus
 * its postings since. The journal reads balances with it, and the invariant check compares it with a full
 * recomputation, so both use this one text.
 */
final class DerivedBalance {

    /** The latest checkpoint {@code k} of the account row {@code a}, if it has one. */
    static final String LATEST_CHECKPOINT = """
            LEFT JOIN LATERAL (
                SELECT c.up_to_xact_id, c.debits_minor, c.credits_minor FROM ledger.balance_checkpoint c
                WHERE c.account_id = a.id ORDER BY c.up_to_xact_id DESC LIMIT 1
            ) k ON true
            """;

    /**
     * {@code debits_minor} and {@code credits_minor} of the account row {@code a}: its latest checkpoint {@code k}
     * plus the postings of the transactions the checkpoint does not cover.
     */
    static final String COLUMNS = """
                   coalesce(k.debits_minor, 0) + (
                       SELECT coalesce(sum(p.amount_minor), 0) FROM ledger.posting p
                       WHERE p.debit_account_id = a.id AND p.xact_id >= coalesce(k.up_to_xact_id, '0'::xid8)
                   ) AS debits_minor,
                   coalesce(k.credits_minor, 0) + (
                       SELECT coalesce(sum(p.amount_minor), 0) FROM ledger.posting p
                       WHERE p.credit_account_id = a.id AND p.xact_id >= coalesce(k.up_to_xact_id, '0'::xid8)
                   ) AS credits_minor
            """;

    private DerivedBalance() {}
}
