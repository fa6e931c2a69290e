package io.offerdesk.notifications.internal.reminders;

import io.offerdesk.notifications.Inbox;
import io.offerdesk.notifications.internal.mail.MailQueue;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.parties.User;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.DueWork;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the reminders that fell due: to the seller's offer authors and to the procurement users of the buyer accounts
 * concerned, in each one's in-app inbox and by e-mail (unless they turned e-mail off). A reminder is claimed with
 * {@code SKIP LOCKED} and marked sent in the transaction that delivers it, so it goes out once whichever node runs it;
 * inbox and e-mail carry the same source key per user, so neither repeats.
 */
@Component
class Reminders implements DueWork {

    private static final int BATCH = 100;

    /** Who is told, and where each side acts on it. */
    private record Side(Role role, String messageKey, String link) {}

    private final ReminderRepository reminders;
    private final UserManagement users;
    private final PartyManagement parties;
    private final Inbox inbox;
    private final MailQueue mail;
    private final TransactionTemplate transactions;

    Reminders(
            ReminderRepository reminders,
            UserManagement users,
            PartyManagement parties,
            Inbox inbox,
            MailQueue mail,
            TransactionTemplate transactions) {
        this.reminders = reminders;
        this.users = users;
        this.parties = parties;
        this.inbox = inbox;
        this.mail = mail;
        this.transactions = transactions;
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        return reminders.nextDueAfter(after);
    }

    @Override
    public void runDue(Instant now) {
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transactions.execute(status -> {
                var due = reminders.claimDue(now, BATCH);
                due.forEach(reminder -> send(reminder, now));
                return due.size() == BATCH;
            }));
        }
    }

    private void send(Reminder reminder, Instant now) {
        var seller = seller(reminder);
        var buyer = buyer(reminder);
        var arguments = List.of(
                reminder.subjectId(),
                reminder.productId(),
                Integer.toString(reminder.daysBefore()),
                LocalDate.ofInstant(reminder.subjectEnd(), ZoneOffset.UTC).toString());
        users.activeHolders(reminder.sellerParty(), seller.role(), null)
                .forEach(user -> deliver(reminder, user, seller, arguments, now));
        buyerUsers(reminder, buyer.role()).forEach(user -> deliver(reminder, user, buyer, arguments, now));
    }

    /** The buyer accounts' holders of the role, each once though their grant may cover several of the accounts. */
    private List<User> buyerUsers(Reminder reminder, Role role) {
        var found = new LinkedHashMap<UUID, User>();
        for (var account : reminder.buyerAccounts()) {
            var id = new AccountId(account);
            parties.findAccount(id)
                    .ifPresent(a -> users.activeHolders(a.partyId(), role, id)
                            .forEach(user -> found.putIfAbsent(user.id(), user)));
        }
        return List.copyOf(found.values());
    }

    private void deliver(Reminder reminder, User user, Side side, List<String> arguments, Instant now) {
        var sourceKey = "Reminder:" + reminder.id() + ":" + user.id();
        inbox.deliver(new Inbox.Delivery(
                sourceKey, user.partyId(), user.id(), null, side.messageKey(), arguments, side.link(), now));
        mail.enqueue(sourceKey, user, side.messageKey(), arguments, side.link(), now);
    }

    private static Side seller(Reminder reminder) {
        return switch (reminder.kind()) {
            case OFFER_EXPIRING ->
                new Side(Role.OFFER_AUTHOR, "notification.offerExpiring.seller", "/offers/" + reminder.subjectId());
            case AGREEMENT_ENDING ->
                new Side(
                        Role.OFFER_AUTHOR,
                        "notification.agreementEnding.seller",
                        "/agreements/" + reminder.subjectId());
            case OFFER_NOT_VIEWED ->
                new Side(Role.OFFER_AUTHOR, "notification.offerNotViewed.seller", "/offers/" + reminder.subjectId());
        };
    }

    private static Side buyer(Reminder reminder) {
        return switch (reminder.kind()) {
            case OFFER_EXPIRING ->
                new Side(Role.PROCUREMENT, "notification.offerExpiring.buyer", "/buyer/offers/" + reminder.subjectId());
            case AGREEMENT_ENDING ->
                new Side(
                        Role.PROCUREMENT,
                        "notification.agreementEnding.buyer",
                        "/buyer/agreements/" + reminder.subjectId());
            case OFFER_NOT_VIEWED ->
                new Side(
                        Role.PROCUREMENT, "notification.offerNotViewed.buyer", "/buyer/offers/" + reminder.subjectId());
        };
    }
}
