/**
 * Notifications: an in-app inbox, fed by other modules' events. A notification is addressed to one user, to the users
 * of a party who hold a role, or to a whole party, and carries a message key with its arguments so that each reader
 * sees it in their own language. Reminders (an offer expiring or not yet viewed, an agreement ending, approvals
 * waiting) go to the inbox and by e-mail in each user's language, unless the user turned e-mail off (ADR 0027).
 * Outbound webhooks (signed, retried, replayable; ADR 0026) are a further channel fed by offer, agreement, invoice and
 * disbursement events.
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {
            "platform",
            "parties",
            "governance :: events",
            "offers :: events",
            "agreements :: events",
            "invoicing",
            "invoicing :: events",
            "disbursement :: events",
            "gtm :: events"
        })
@NullMarked
package io.offerdesk.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
