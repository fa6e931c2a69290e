package io.offerdesk.notifications.internal;

import io.offerdesk.governance.events.ProductRequestDecided;
import io.offerdesk.governance.events.ProductRequested;
import io.offerdesk.notifications.Inbox;
import io.offerdesk.notifications.Inbox.Delivery;
import io.offerdesk.shared.Role;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a buyer organization's private-marketplace administrators about product requests, and the requester about
 * the decision. Fed by the event outbox, so a notification follows its event even after a restart. Idempotent: each
 * notification's source key names its request and is unique, so a redelivered event notifies nobody twice.
 */
@Component
class GovernanceNotifications {

    private final Inbox inbox;

    GovernanceNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @ApplicationModuleListener
    void on(ProductRequested requested) {
        inbox.deliver(new Delivery(
                "ProductRequested:" + requested.requestId(),
                requested.partyId(),
                null,
                Role.MARKETPLACE_ADMIN,
                "notification.productRequested",
                List.of(requested.actor().name(), requested.productId(), requested.accountId()),
                "/governance/requests/" + requested.requestId(),
                requested.occurredAt()));
    }

    @ApplicationModuleListener
    void on(ProductRequestDecided decided) {
        inbox.deliver(new Delivery(
                "ProductRequestDecided:" + decided.requestId(),
                decided.partyId(),
                decided.requestedBy(),
                null,
                decided.approved() ? "notification.productRequestApproved" : "notification.productRequestDeclined",
                List.of(decided.productId(), decided.actor().name()),
                "/governance/my-requests",
                decided.occurredAt()));
    }
}
