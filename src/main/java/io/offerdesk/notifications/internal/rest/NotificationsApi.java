package io.offerdesk.notifications.internal.rest;

import io.offerdesk.notifications.Inbox;
import io.offerdesk.notifications.Notification;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's in-app notifications. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "The signed-in user's in-app inbox")
class NotificationsApi {

    /** @param message the notification in the caller's language */
    record NotificationJson(
            String id,
            String messageKey,
            List<String> messageArguments,
            String message,
            @Nullable String link,
            Instant createdAt,
            @Nullable Instant readAt) {}

    record InboxJson(int unread, List<NotificationJson> notifications) {}

    private final Inbox inbox;
    private final MessageSource messages;

    NotificationsApi(Inbox inbox, MessageSource messages) {
        this.inbox = inbox;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "The user's notifications, newest first, with the unread count")
    InboxJson notifications(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        return new InboxJson(
                inbox.unread(me),
                inbox.notifications(me, unread, offset, limit).stream()
                        .map(this::json)
                        .toList());
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one notification read; reading it again changes nothing")
    NotificationJson read(OfferdeskPrincipal me, @PathVariable String id) {
        return json(inbox.markRead(me, id));
    }

    private NotificationJson json(Notification n) {
        return new NotificationJson(
                n.id().toString(),
                n.messageKey(),
                n.messageArguments(),
                messages.getMessage(
                        n.messageKey(),
                        n.messageArguments().toArray(),
                        n.messageKey(),
                        LocaleContextHolder.getLocale()),
                n.link(),
                n.createdAt(),
                n.readAt());
    }
}
