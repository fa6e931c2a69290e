package io.offerdesk.ledger;

import java.time.Instant;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What one journal entry moved on one account: the sums of its postings that debit and credit it.
 *
 * @param reverses the key of the entry this one reverses, if it is a reversal
 */
public record AccountMovement(
        String idempotencyKey,
        String reasonCode,
        @Nullable String reference,
        Instant occurredAt,
        @Nullable String reverses,
        Money debits,
        Money credits) {

    /** Debits minus credits, as {@link AccountBalance#net()}. */
    public Money net() {
        return debits.minus(credits);
    }
}
