package io.offerdesk.commitments.internal.web;

import io.offerdesk.commitments.internal.ProductEligibility;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's page of products' commitment eligibility, a page of the catalog at a time. */
@Controller
class EligibilityPages {

    static final String PATH = "/operator/commitment-eligibility";

    private final ProductEligibility eligibility;

    EligibilityPages(ProductEligibility eligibility) {
        this.eligibility = eligibility;
    }

    @GetMapping(PATH)
    String list(OfferdeskPrincipal me, @RequestParam(required = false) @Nullable String after, Model model) {
        model.addAttribute("page", eligibility.page(me, after, null));
        return "commitments/eligibility";
    }

    @PostMapping(PATH + "/{productId}")
    String set(
            OfferdeskPrincipal me,
            @PathVariable String productId,
            @RequestParam boolean eligible,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        try {
            eligibility.set(me, productId, eligible, note);
            redirect.addFlashAttribute("changed", productId);
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("violations", refused.violations());
        }
        return "redirect:" + PATH;
    }
}
