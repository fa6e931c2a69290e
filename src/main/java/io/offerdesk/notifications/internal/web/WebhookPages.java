package io.offerdesk.notifications.internal.web;

import io.offerdesk.notifications.internal.webhooks.WebhookEventType;
import io.offerdesk.notifications.internal.webhooks.Webhooks;
import io.offerdesk.platform.FormSubmission;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The party administrator's webhooks page: endpoints (register, change, rotate the secret, shown once), the delivery
 * log and replay, with each delivery's attempts on its own page.
 */
@Controller
class WebhookPages {

    private final Webhooks webhooks;

    WebhookPages(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/webhooks")
    String webhooks(OfferdeskPrincipal me, Model model) {
        model.addAttribute("endpoints", webhooks.endpoints(me));
        model.addAttribute("deliveries", webhooks.deliveries(me, null, null, 0, Webhooks.PAGE_MAX));
        model.addAttribute(
                "eventTypes",
                java.util.Arrays.stream(WebhookEventType.values())
                        .map(WebhookEventType::wireName)
                        .toList());
        return "webhooks/webhooks";
    }

    @PostMapping("/webhooks/endpoints")
    String create(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(required = false) @Nullable List<String> eventTypes,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/webhooks", () -> {
            var created = webhooks.create(me, url, eventTypes, true);
            redirect.addFlashAttribute("secretFor", created.endpoint().id());
            redirect.addFlashAttribute("secret", created.secret());
            return "redirect:/webhooks";
        });
    }

    @PostMapping("/webhooks/endpoints/{id}/active")
    String active(OfferdeskPrincipal me, @PathVariable String id, @RequestParam boolean active) {
        var endpoint = webhooks.endpoint(me, id);
        webhooks.update(me, id, endpoint.url(), endpoint.eventTypes(), active);
        return "redirect:/webhooks";
    }

    @PostMapping("/webhooks/endpoints/{id}/rotate-secret")
    String rotate(OfferdeskPrincipal me, @PathVariable String id, RedirectAttributes redirect) {
        var rotated = webhooks.rotateSecret(me, id);
        redirect.addFlashAttribute("secretFor", id);
        redirect.addFlashAttribute("secret", rotated.secret());
        return "redirect:/webhooks";
    }

    @GetMapping("/webhooks/deliveries/{id}")
    String delivery(OfferdeskPrincipal me, @PathVariable String id, Model model) {
        model.addAttribute("log", webhooks.delivery(me, id));
        return "webhooks/delivery";
    }

    @PostMapping("/webhooks/deliveries/{id}/replay")
    String replay(OfferdeskPrincipal me, @PathVariable String id) {
        var replay = webhooks.replay(me, id);
        return "redirect:/webhooks/deliveries/" + replay.id();
    }
}
