package io.offerdesk.ledger;

/**
 * A line through the journal: the postings of the transactions that had committed when it was drawn are before it,
 * every other posting after it, however the transactions' commits interleave. It is a PostgreSQL snapshot
 * ({@code pg_snapshot} text), so "after one mark and before the next" misses nothing and counts nothing twice (ADR
 * 0015: entry ids are taken in insert order but committed in any order, so an id cannot draw this line). Opaque to
 * callers: they store it and hand it back.
 */
public record LedgerMark(String snapshot) {

    public LedgerMark {
        if (!snapshot.matches("\\d+:\\d+:[\\d,]*")) {
            throw new IllegalArgumentException("Not a ledger mark: " + snapshot);
        }
    }
}
