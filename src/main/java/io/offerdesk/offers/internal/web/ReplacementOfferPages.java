package io.offerdesk.offers.internal.web;

import io.offerdesk.offers.OfferActions;
import io.offerdesk.platform.OfferdeskPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The seller's "Create replacement offer" action on an agreement: it creates the draft and continues in the composer.
 * The buyer account is fixed by the agreement, so the composer opens at the offer's information.
 */
@Controller
class ReplacementOfferPages {

    private final OfferActions actions;
    private final ChangeSetSubmissions submissions;

    ReplacementOfferPages(OfferActions actions, ChangeSetSubmissions submissions) {
        this.actions = actions;
        this.submissions = submissions;
    }

    /** When the draft cannot be made, the agreement page shows why (the {@code offers/fragments :: outcome}). */
    @PostMapping("/agreements/{agreementId}/replacement-offer")
    String create(
            OfferdeskPrincipal me,
            @PathVariable String agreementId,
            @RequestParam(required = false) @Nullable String name,
            RedirectAttributes redirect) {
        OfferComposer.requireAuthor(me);
        var outcome = submissions.run(
                me,
                () -> actions.createReplacementOffer(me, agreementId, name == null || name.isBlank() ? null : name));
        var created = outcome.entityId(0);
        if (outcome.succeeded() && created.isPresent()) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/offers/" + created.get() + "/compose/" + ComposerStep.INFORMATION.path();
        }
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:"
                + UriComponentsBuilder.fromPath("/agreements/{id}")
                        .buildAndExpand(agreementId)
                        .encode()
                        .toUriString();
    }
}
