package io.offerdesk.notifications.internal.reminders;

import io.offerdesk.gtm.events.ApprovalEscalated;
import io.offerdesk.gtm.events.ApprovalOverdue;
import io.offerdesk.gtm.events.ApprovalStepOpened;
import io.offerdesk.notifications.Inbox;
import io.offerdesk.notifications.internal.mail.MailQueue;
import io.offerdesk.parties.User;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.shared.Role;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * "Approvals waiting": tells a step's approvers when it opens and, once, when its deadline passes, and the party's
 * administrators, once, when it is escalated — in the inbox and by e-mail, like the other reminders. The approval
 * workflow decides when (its deadlines are its own due work); this only delivers. Each message carries a source key
 * per request, step and user, so a redelivered event tells nobody twice.
 */
@Component
class ApprovalReminders {

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final UserManagement users;
    private final Inbox inbox;
    private final MailQueue mail;

    ApprovalReminders(UserManagement users, Inbox inbox, MailQueue mail) {
        this.users = users;
        this.inbox = inbox;
        this.mail = mail;
    }

    @ApplicationModuleListener
    void on(ApprovalStepOpened opened) {
        var arguments = List.of(opened.offerId(), Integer.toString(opened.step()), MINUTES.format(opened.dueAt()));
        approvers(opened.sellerPartyId(), opened.approverRoles(), opened.approverUsers())
                .forEach(user -> deliver(
                        "ApprovalStepOpened:" + opened.requestId() + ":" + opened.step(),
                        user,
                        "notification.approvalWaiting",
                        arguments,
                        opened.offerId(),
                        opened.occurredAt()));
    }

    @ApplicationModuleListener
    void on(ApprovalOverdue overdue) {
        var arguments = List.of(overdue.offerId(), Integer.toString(overdue.step()), MINUTES.format(overdue.dueAt()));
        approvers(overdue.sellerPartyId(), overdue.approverRoles(), overdue.approverUsers())
                .forEach(user -> deliver(
                        "ApprovalOverdue:" + overdue.requestId() + ":" + overdue.step(),
                        user,
                        "notification.approvalOverdue",
                        arguments,
                        overdue.offerId(),
                        overdue.occurredAt()));
    }

    @ApplicationModuleListener
    void on(ApprovalEscalated escalated) {
        var arguments = List.of(
                escalated.offerId(),
                Integer.toString(escalated.step()),
                String.join(", ", escalated.waitingFor()),
                MINUTES.format(escalated.dueAt()));
        users.activeHolders(escalated.sellerPartyId(), Role.ADMIN, null)
                .forEach(user -> deliver(
                        "ApprovalEscalated:" + escalated.requestId() + ":" + escalated.step(),
                        user,
                        "notification.approvalEscalated",
                        arguments,
                        escalated.offerId(),
                        escalated.occurredAt()));
    }

    /** The party's active users holding one of the roles, and the named users, each once. */
    private List<User> approvers(UUID party, List<String> roles, List<UUID> named) {
        var found = new LinkedHashMap<UUID, User>();
        roles.forEach(role -> users.activeHolders(party, Role.valueOf(role), null)
                .forEach(user -> found.putIfAbsent(user.id(), user)));
        named.forEach(id -> users.activeUser(party, id).ifPresent(user -> found.putIfAbsent(user.id(), user)));
        return List.copyOf(found.values());
    }

    private void deliver(
            String source, User user, String messageKey, List<String> arguments, String offerId, Instant at) {
        var sourceKey = source + ":" + user.id();
        var link = "/offers/" + offerId;
        inbox.deliver(new Inbox.Delivery(sourceKey, user.partyId(), user.id(), null, messageKey, arguments, link, at));
        mail.enqueue(sourceKey, user, messageKey, arguments, link, at);
    }
}
