package io.offerdesk.gtm.internal.renewals;

import io.offerdesk.gtm.internal.renewals.Renewals.SettingsRequest;
import io.offerdesk.gtm.internal.templates.domain.RenewalMode;
import io.offerdesk.platform.FormSubmission;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Role;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The renewals page: the settings, the agreements within the lead window and the drafts the engine made. */
@Controller
class RenewalEnginePages {

    private final Renewals renewals;

    RenewalEnginePages(Renewals renewals) {
        this.renewals = renewals;
    }

    @GetMapping("/renewals")
    String page(OfferdeskPrincipal me, Model model) {
        model.addAttribute("settings", renewals.settings(me));
        model.addAttribute("mayEdit", me.has(Role.ADMIN));
        model.addAttribute("modes", RenewalMode.values());
        model.addAttribute("upcoming", renewals.upcoming(me));
        model.addAttribute("drafts", renewals.drafts(me));
        return "renewals/renewals";
    }

    @PostMapping("/renewals/settings")
    String save(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) @Nullable Integer leadDays,
            @RequestParam(defaultValue = "") String defaultMode,
            @RequestParam(required = false) @Nullable BigDecimal increasePercent,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/renewals", () -> {
            renewals.saveSettings(me, new SettingsRequest(enabled, leadDays, defaultMode, increasePercent));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/renewals";
        });
    }
}
