package io.offerdesk.commitments.internal.web;

import io.offerdesk.catalog.ProductType;
import io.offerdesk.commitments.internal.Commitments;
import io.offerdesk.commitments.internal.HeadroomSharing;
import io.offerdesk.commitments.internal.domain.CommitmentTerms;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buyer's commitments: the list with each year's progress and the form that records one, a commitment's page
 * (years, chart, milestones, forecast, spend, the form that changes it), the planner for an offer under review, the
 * summary fragment the buyer's dashboard loads, and the sellers the headroom is shared with.
 */
@Controller
class CommitmentPages {

    static final String PATH = "/buyer/commitments";

    private final Commitments commitments;
    private final HeadroomSharing sharing;
    private final CommitmentViews views;

    CommitmentPages(Commitments commitments, HeadroomSharing sharing, CommitmentViews views) {
        this.commitments = commitments;
        this.sharing = sharing;
        this.views = views;
    }

    @GetMapping(PATH)
    String list(OfferdeskPrincipal me, Model model) {
        model.addAttribute("commitments", commitments.list(me));
        model.addAttribute("shares", sharing.shares(me));
        model.addAttribute("mayWrite", Commitments.mayWrite(me));
        model.addAttribute("productTypes", ProductType.values());
        model.addAttribute("defaults", CommitmentTerms.DEFAULT_EXCLUDED);
        return "commitments/list";
    }

    /** Per-year progress bars of the organization's commitments, without the layout: the dashboard embeds it. */
    @GetMapping(PATH + "/summary")
    String summary(OfferdeskPrincipal me, Model model) {
        model.addAttribute("commitments", commitments.list(me));
        return "commitments/summary :: summary";
    }

    @PostMapping(PATH)
    String record(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String startDate,
            @RequestParam(required = false) @Nullable String yearlyCommitments,
            @RequestParam(required = false) @Nullable String shareCapPercent,
            @RequestParam(required = false) @Nullable List<String> excludedProductTypes,
            @RequestParam(required = false) @Nullable String milestones,
            RedirectAttributes redirect) {
        try {
            var view = commitments.record(
                    me, draft(name, startDate, yearlyCommitments, shareCapPercent, excludedProductTypes, milestones));
            redirect.addFlashAttribute("recorded", view.commitment().terms().name());
            return "redirect:" + PATH + "/" + view.commitment().id();
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("violations", refused.violations());
            return "redirect:" + PATH;
        }
    }

    @GetMapping(PATH + "/{id}")
    String commitment(OfferdeskPrincipal me, @PathVariable String id, Model model) {
        var view = commitments.commitment(me, id);
        model.addAttribute("view", view);
        model.addAttribute("chart", views.yearsChart(view));
        model.addAttribute(
                "yearlyText",
                String.join(
                        ", ",
                        view.commitment().terms().yearlyCommitments().stream()
                                .map(m -> m.getAmount().toPlainString())
                                .toList()));
        model.addAttribute("forecast", commitments.forecast(me, id));
        model.addAttribute("spend", commitments.spend(me, id));
        model.addAttribute("mayWrite", Commitments.mayWrite(me));
        model.addAttribute("productTypes", ProductType.values());
        return "commitments/detail";
    }

    @PostMapping(PATH + "/{id}")
    String change(
            OfferdeskPrincipal me,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String startDate,
            @RequestParam(required = false) @Nullable String yearlyCommitments,
            @RequestParam(required = false) @Nullable String shareCapPercent,
            @RequestParam(required = false) @Nullable List<String> excludedProductTypes,
            @RequestParam(required = false) @Nullable String milestones,
            @RequestParam(required = false) @Nullable Long version,
            RedirectAttributes redirect) {
        try {
            commitments.change(
                    me,
                    id,
                    draft(name, startDate, yearlyCommitments, shareCapPercent, excludedProductTypes, milestones),
                    version);
            redirect.addFlashAttribute("changed", true);
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("violations", refused.violations());
        } catch (Conflict changed) {
            redirect.addFlashAttribute(
                    "violations", List.of(FieldViolation.of("version", "commitments.error.changedMeanwhile", id)));
        }
        return "redirect:" + PATH + "/" + id;
    }

    @GetMapping(PATH + "/planner")
    String planner(OfferdeskPrincipal me, @RequestParam String offerId, Model model) {
        model.addAttribute("plan", commitments.plan(me, offerId));
        return "commitments/planner";
    }

    @PostMapping(PATH + "/shares")
    String share(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String seller,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(
                    "shared", sharing.share(me, seller).seller().name());
        } catch (InvalidInput refused) {
            redirect.addFlashAttribute("violations", refused.violations());
        }
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/shares/{sellerPartyId}/revoke")
    String revoke(OfferdeskPrincipal me, @PathVariable UUID sellerPartyId, RedirectAttributes redirect) {
        sharing.revoke(me, sellerPartyId);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:" + PATH;
    }

    /**
     * The form's fields as a draft: yearly commitments and milestones are comma-separated; a text that is no date or
     * number is left for the rules to refuse by name.
     */
    private static CommitmentTerms.Draft draft(
            @Nullable String name,
            @Nullable String startDate,
            @Nullable String yearlyCommitments,
            @Nullable String shareCapPercent,
            @Nullable List<String> excludedProductTypes,
            @Nullable String milestones) {
        var violations = new ArrayList<FieldViolation>();
        LocalDate start = null;
        if (startDate != null && !startDate.isBlank()) {
            try {
                start = LocalDate.parse(startDate.strip());
            } catch (DateTimeParseException malformed) {
                violations.add(FieldViolation.of("startDate", "validation.required"));
            }
        }
        BigDecimal share = null;
        if (shareCapPercent != null && !shareCapPercent.isBlank()) {
            try {
                share = new BigDecimal(shareCapPercent.strip());
            } catch (NumberFormatException malformed) {
                violations.add(FieldViolation.of("shareCapPercent", "commitments.error.shareCap"));
            }
        }
        List<Integer> marks = null;
        if (milestones != null && !milestones.isBlank()) {
            marks = new ArrayList<>();
            for (var part : milestones.split(",")) {
                try {
                    marks.add(Integer.valueOf(part.strip()));
                } catch (NumberFormatException malformed) {
                    violations.add(FieldViolation.of("milestones", "commitments.error.milestone"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new CommitmentTerms.Draft(
                name,
                "USD",
                start,
                yearlyCommitments == null || yearlyCommitments.isBlank()
                        ? List.of()
                        : Arrays.stream(yearlyCommitments.split(","))
                                .map(String::strip)
                                .toList(),
                share,
                excludedProductTypes == null ? List.of() : excludedProductTypes,
                marks);
    }
}
