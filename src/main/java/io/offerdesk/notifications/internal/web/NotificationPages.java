package io.offerdesk.notifications.internal.web;

import io.offerdesk.notifications.Inbox;
import io.offerdesk.platform.OfferdeskPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The inbox page, and the unread badge the layout's header loads with htmx on every page. */
@Controller
class NotificationPages {

    private final Inbox inbox;

    NotificationPages(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/notifications")
    String inbox(OfferdeskPrincipal me, Model model) {
        model.addAttribute("notifications", inbox.notifications(me, false, 0, Inbox.PAGE_MAX));
        return "notifications/inbox";
    }

    @GetMapping("/notifications/badge")
    String badge(OfferdeskPrincipal me, Model model) {
        model.addAttribute("unread", inbox.unread(me));
        return "notifications/badge :: badge";
    }

    /** Marks the notification read and follows its link, or comes back to the inbox when it has none. */
    @PostMapping("/notifications/{id}/read")
    String read(OfferdeskPrincipal me, @PathVariable String id) {
        var notification = inbox.markRead(me, id);
        var link = notification.link();
        return "redirect:" + (link == null || !link.startsWith("/") ? "/notifications" : link);
    }
}
