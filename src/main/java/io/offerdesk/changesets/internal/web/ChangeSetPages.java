package io.offerdesk.changesets.internal.web;

import io.offerdesk.changesets.ChangeSetFilter;
import io.offerdesk.changesets.ChangeSetStatus;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.platform.FormSubmission;
import io.offerdesk.platform.OfferdeskPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The party's change sets, newest first and filtered by status, and one change set: each change with the entity it
 * changed ({@code id@revision} once applied) and the rules it broke. A change set still preparing can be cancelled.
 */
@Controller
class ChangeSetPages {

    private final ChangeSets changeSets;

    ChangeSetPages(ChangeSets changeSets) {
        this.changeSets = changeSets;
    }

    @GetMapping("/change-sets")
    String list(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable ChangeSetStatus status,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @Nullable String next,
            Model model) {
        var entity = entityId == null || entityId.isBlank() ? null : entityId.strip();
        // Only tokens this page handed out (offsets) are passed on; anything else starts at the first page.
        var token = next != null && next.matches("\\d{1,9}") ? next : null;
        var filter = new ChangeSetFilter(status, null, entity, null, null, null, null, false, false);
        model.addAttribute("page", changeSets.list(me.partyId(), filter, token, ChangeSets.PAGE_MAX));
        model.addAttribute("status", status);
        model.addAttribute("entityId", entity);
        model.addAttribute("statuses", ChangeSetStatus.values());
        return "changesets/list";
    }

    @GetMapping("/change-sets/{changeSetId}")
    String detail(OfferdeskPrincipal me, @PathVariable String changeSetId, Model model) {
        model.addAttribute("changeSet", changeSets.describe(me, changeSetId));
        return "changesets/detail";
    }

    @PostMapping("/change-sets/{changeSetId}/cancel")
    String cancel(OfferdeskPrincipal me, @PathVariable String changeSetId, RedirectAttributes redirect) {
        var page = "redirect:/change-sets/" + changeSetId;
        return FormSubmission.attempt(redirect, page, () -> {
            changeSets.cancel(me, changeSetId);
            redirect.addFlashAttribute("cancelled", true);
            return page;
        });
    }
}
