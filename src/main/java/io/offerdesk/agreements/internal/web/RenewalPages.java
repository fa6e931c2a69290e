package io.offerdesk.agreements.internal.web;

import io.offerdesk.agreements.AgreementId;
import io.offerdesk.agreements.AgreementRenewals;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Renewals in the UI: the seller's upcoming renewals, and the actions of the renewal section of an agreement's page
 * ({@code agreements/renewal :: renewal(agreement)}): either side switching renewal off, the seller choosing the
 * price increase. Both return to the agreement's page, with the refusal when there is one.
 */
@Controller
class RenewalPages {

    static final int DEFAULT_DAYS = 30;

    private final AgreementRenewals renewals;

    RenewalPages(AgreementRenewals renewals) {
        this.renewals = renewals;
    }

    @GetMapping("/agreements/renewals")
    String upcoming(OfferdeskPrincipal me, @RequestParam(defaultValue = "" + DEFAULT_DAYS) int days, Model model) {
        var window = days < 1 || days > AgreementRenewals.UPCOMING_DAYS_MAX ? DEFAULT_DAYS : days;
        model.addAttribute("days", window);
        model.addAttribute("rows", renewals.upcoming(me, window));
        return "agreements/renewals";
    }

    @PostMapping("/agreements/{agreementId}/renewal/opt-out")
    String optOut(OfferdeskPrincipal me, @PathVariable String agreementId, RedirectAttributes redirect) {
        return act(agreementId, redirect, () -> renewals.optOut(me, agreementId));
    }

    @PostMapping("/agreements/{agreementId}/renewal/price-increase")
    String priceIncrease(
            OfferdeskPrincipal me,
            @PathVariable String agreementId,
            @RequestParam(required = false) @Nullable BigDecimal priceIncrease,
            RedirectAttributes redirect) {
        return act(agreementId, redirect, () -> renewals.choosePriceIncrease(me, agreementId, priceIncrease));
    }

    private static String act(String agreementId, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("renewalChanged", true);
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("renewalViolations", refused.violations());
        }
        // The id was checked by the action (another party's agreement is a 404 before this line).
        return "redirect:/agreements/"
                + AgreementId.parse(agreementId).orElseThrow().value();
    }
}
