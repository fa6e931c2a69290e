package io.offerdesk.notifications;

import io.offerdesk.notifications.internal.InboxRepository;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app inbox. A user reads the notifications addressed to them, to a role they hold, or to their whole party;
 * everyone else's do not exist for them.
 */
@Service
public class Inbox {

    public static final int PAGE_MAX = 100;

    /**
     * A notification to deliver.
     *
     * @param sourceKey what caused it, unique per recipient: delivering the same key again adds nothing, so a
     *     redelivered event notifies once
     */
    public record Delivery(
            String sourceKey,
            UUID recipientParty,
            @Nullable UUID recipientUser,
            @Nullable Role recipientRole,
            String messageKey,
            List<String> messageArguments,
            @Nullable String link,
            Instant createdAt) {}

    private final InboxRepository inbox;
    private final Clock clock;

    Inbox(InboxRepository inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    /** Delivers a notification once per source key; false when it was delivered before. */
    @Transactional
    public boolean deliver(Delivery delivery) {
        return inbox.insert(delivery);
    }

    /** The user's notifications, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> notifications(OfferdeskPrincipal me, boolean unreadOnly, int offset, int limit) {
        Validations.checkPage(offset, limit, PAGE_MAX);
        return inbox.visible(me.partyId(), me.userId(), roles(me), unreadOnly, offset, limit);
    }

    @Transactional(readOnly = true)
    public int unread(OfferdeskPrincipal me) {
        return inbox.unread(me.partyId(), me.userId(), roles(me));
    }

    /** Marks one of the user's notifications read; reading it again changes nothing. */
    @Transactional
    public Notification markRead(OfferdeskPrincipal me, String id) {
        var notificationId = parse(id);
        var roles = roles(me);
        inbox.markRead(me.partyId(), me.userId(), roles, notificationId, clock.instant());
        return inbox.find(me.partyId(), me.userId(), roles, notificationId)
                .orElseThrow(() -> new NotFound("notification", id));
    }

    private static List<String> roles(OfferdeskPrincipal me) {
        return me.roles().stream().map(Role::name).toList();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw new NotFound("notification", id);
        }
    }
}
