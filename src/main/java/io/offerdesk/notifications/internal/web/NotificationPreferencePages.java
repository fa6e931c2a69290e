package io.offerdesk.notifications.internal.web;

import io.offerdesk.notifications.internal.mail.MailPreference;
import io.offerdesk.notifications.internal.mail.MailPreferences;
import io.offerdesk.platform.OfferdeskPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page where a user turns e-mail notifications on or off and chooses their language. */
@Controller
class NotificationPreferencePages {

    private final MailPreferences preferences;

    NotificationPreferencePages(MailPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/notifications/preferences")
    String preferences(OfferdeskPrincipal me, Model model) {
        model.addAttribute("preference", preferences.of(me));
        model.addAttribute("languages", MailPreference.LANGUAGES);
        return "notifications/preferences";
    }

    /** An unchecked checkbox sends nothing: its absence means e-mail off. */
    @PostMapping("/notifications/preferences")
    String save(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "false") boolean emailEnabled,
            @RequestParam String language,
            RedirectAttributes redirect) {
        preferences.update(me, emailEnabled, language);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/notifications/preferences";
    }
}
