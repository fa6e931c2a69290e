package io.offerdesk.notifications.internal.reminders;

import io.offerdesk.notifications.internal.domain.ReminderPlan;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reminder that fell due.
 *
 * @param subjectId the offer or agreement it is about
 * @param subjectEnd when the offer expires or the agreement ends
 * @param sellerParty the seller (or channel partner) that proposed it
 * @param buyerAccounts the buyer accounts it concerns: an offer's targeted accounts, an agreement's acceptor account
 */
record Reminder(
        UUID id,
        ReminderPlan kind,
        String subjectId,
        int daysBefore,
        Instant subjectEnd,
        UUID sellerParty,
        String productId,
        List<String> buyerAccounts) {

    Reminder {
        buyerAccounts = List.copyOf(buyerAccounts);
    }
}
