package io.offerdesk.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One business event's money movements, posted together or not at all.
 *
 * @param idempotencyKey chosen by the caller from the business event (e.g. {@code invoice:<id>}); posting the same key
 *     again posts nothing
 * @param reasonCode why the money moved, e.g. {@code INVOICE_ISSUED}
 * @param reference what the entry is about, e.g. an invoice id, for finding its entries again
 */
public record JournalEntry(
        String idempotencyKey,
        String reasonCode,
        @Nullable String reference,
        Instant occurredAt,
        List<Posting> postings) {

    /** Keys and reason codes fit the journal's columns. */
    public static final int KEY_MAX = 200;

    public JournalEntry {
        if (idempotencyKey.isBlank() || idempotencyKey.length() > KEY_MAX) {
            throw new IllegalArgumentException("Idempotency key must have 1 to " + KEY_MAX + " characters");
        }
        if (reasonCode.isBlank() || reasonCode.length() > KEY_MAX) {
            throw new IllegalArgumentException("Reason code must have 1 to " + KEY_MAX + " characters");
        }
        if (postings.isEmpty()) {
            throw new IllegalArgumentException("Entry " + idempotencyKey + " moves nothing");
        }
        postings = List.copyOf(postings);
    }

    /**
     * The entry that undoes this one: every posting reversed, in the same order, about the same reference. Posting it
     * brings every balance this entry moved back to where it was.
     */
    public JournalEntry reversal(String idempotencyKey, String reasonCode, Instant occurredAt) {
        return new JournalEntry(
                idempotencyKey,
                reasonCode,
                reference,
                occurredAt,
                postings.stream().map(Posting::reversed).toList());
    }

    /**
     * Whether {@code other} posts the same: the same reason, reference and postings. The time is left out, since a
     * retry of the same business event may well be stamped later.
     */
    public boolean movesTheSameAs(JournalEntry other) {
        return reasonCode.equals(other.reasonCode)
                && Objects.equals(reference, other.reference)
                && postings.equals(other.postings);
    }
}
