package io.offerdesk.notifications;

import io.offerdesk.shared.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One in-app notification.
 *
 * @param recipientUser the one user it is for; absent when it is for a role or the whole party
 * @param recipientRole the role whose holders it is for; absent when it is for one user or the whole party
 * @param messageKey the message shown, with {@code messageArguments}, in the reader's language
 * @param link where the reader acts on it, a path of this application
 * @param readAt when a user it is for marked it read
 */
public record Notification(
        UUID id,
        UUID recipientParty,
        @Nullable UUID recipientUser,
        @Nullable Role recipientRole,
        String messageKey,
        List<String> messageArguments,
        @Nullable String link,
        Instant createdAt,
        @Nullable Instant readAt) {

    public Notification {
        messageArguments = List.copyOf(messageArguments);
    }

    public boolean isRead() {
        return readAt != null;
    }
}
