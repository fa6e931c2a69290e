package io.offerdesk.ledger;

import java.util.List;

/**
 * Entries were posted under keys that already stand for other postings (or a batch named a key twice with different
 * postings). Keys name business events, so this is a bug of the caller, never bad input: the caller's transaction
 * must roll back.
 */
public final class ConflictingReplay extends IllegalStateException {

    private final List<String> keys;

    public ConflictingReplay(List<String> keys) {
        super("Journal entries " + keys + " were posted before with other postings");
        this.keys = List.copyOf(keys);
    }

    /** The idempotency keys whose postings differ from the ones posted first. */
    public List<String> keys() {
        return keys;
    }
}
