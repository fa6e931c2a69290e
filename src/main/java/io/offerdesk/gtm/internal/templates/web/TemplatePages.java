package io.offerdesk.gtm.internal.templates.web;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.gtm.ChecklistRequirement;
import io.offerdesk.gtm.OfferChecklists;
import io.offerdesk.gtm.OfferTemplates;
import io.offerdesk.gtm.OfferTemplates.StartOffer;
import io.offerdesk.gtm.internal.templates.EulaPdf;
import io.offerdesk.gtm.internal.templates.TemplateLibrary;
import io.offerdesk.gtm.internal.templates.TemplateLibrary.ClausePick;
import io.offerdesk.gtm.internal.templates.TemplateLibrary.OfferTemplateContent;
import io.offerdesk.gtm.internal.templates.TemplateRepository.ChecklistItem;
import io.offerdesk.gtm.internal.templates.TemplateRepository.FormField;
import io.offerdesk.gtm.internal.templates.domain.ClauseKind;
import io.offerdesk.gtm.internal.templates.domain.PricingShape;
import io.offerdesk.gtm.internal.templates.domain.RenewalMode;
import io.offerdesk.platform.FormSubmission;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.PartyKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The template library's pages: the library with its create forms, a clause with its versions and redline, a EULA
 * template with its composed versions, PDF and redline, an offer template with the one-step "start an offer" form,
 * and an offer's checklist.
 */
@Controller
class TemplatePages {

    /** How long the page waits for the new offer's change set before showing it as pending. */
    private static final Duration OFFER_WAIT = Duration.ofSeconds(10);

    private final TemplateLibrary library;
    private final OfferTemplates offerTemplates;
    private final OfferChecklists checklists;
    private final CatalogManagement catalog;
    private final EulaPdf pdf;

    TemplatePages(
            TemplateLibrary library,
            OfferTemplates offerTemplates,
            OfferChecklists checklists,
            CatalogManagement catalog,
            EulaPdf pdf) {
        this.library = library;
        this.offerTemplates = offerTemplates;
        this.checklists = checklists;
        this.catalog = catalog;
        this.pdf = pdf;
    }

    @GetMapping("/templates")
    String library(OfferdeskPrincipal me, Model model) {
        model.addAttribute("mayEdit", TemplateLibrary.mayEdit(me));
        model.addAttribute("clauses", library.clauses(me));
        model.addAttribute("eulaTemplates", library.eulaTemplates(me));
        model.addAttribute("pricingTemplates", library.pricingTemplates(me));
        model.addAttribute("forms", library.approvalForms(me));
        model.addAttribute("checklists", library.checklists(me));
        model.addAttribute("offerTemplates", library.offerTemplates(me));
        model.addAttribute("kinds", ClauseKind.values());
        model.addAttribute("shapes", PricingShape.values());
        model.addAttribute("renewalModes", RenewalMode.values());
        model.addAttribute(
                "currencies", TemplateLibrary.CURRENCIES.stream().sorted().toList());
        return "templatelib/library";
    }

    @PostMapping("/templates/clauses")
    String createClause(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(
                redirect,
                "redirect:/templates",
                () -> "redirect:/templates/clauses/"
                        + library.createClause(me, kind, title, text).id());
    }

    @GetMapping("/templates/clauses/{id}")
    String clause(
            OfferdeskPrincipal me,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to,
            Model model) {
        var clause = library.clause(me, id);
        var versions = library.clauseVersions(me, id);
        model.addAttribute("mayEdit", TemplateLibrary.mayEdit(me));
        model.addAttribute("clause", clause);
        model.addAttribute("versions", versions);
        model.addAttribute("latest", versions.getLast());
        var before = from == null ? Math.max(1, clause.latestVersion() - 1) : from;
        var after = to == null ? clause.latestVersion() : to;
        model.addAttribute("from", before);
        model.addAttribute("to", after);
        model.addAttribute("redline", library.clauseRedline(me, id, before, after));
        return "templatelib/clause";
    }

    @PostMapping("/templates/clauses/{id}/versions")
    String addClauseVersion(
            OfferdeskPrincipal me,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        var page = "redirect:/templates/clauses/" + id;
        return FormSubmission.attempt(redirect, page, () -> {
            library.addClauseVersion(me, id, title, text);
            return page;
        });
    }

    @PostMapping("/templates/eula")
    String createEulaTemplate(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable List<String> clauseIds,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(
                redirect,
                "redirect:/templates",
                () -> "redirect:/templates/eula/"
                        + library.createEulaTemplate(me, name, picks(clauseIds)).templateId());
    }

    @GetMapping("/templates/eula/{id}")
    String eulaTemplate(
            OfferdeskPrincipal me,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Integer version,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to,
            Model model) {
        var template = library.eulaTemplate(me, id);
        var shown = version == null ? template.latestVersion() : version;
        var current = library.eulaVersion(me, id, shown);
        model.addAttribute("mayEdit", TemplateLibrary.mayEdit(me));
        model.addAttribute("template", template);
        model.addAttribute("versions", library.eulaVersions(me, id));
        model.addAttribute("current", current);
        model.addAttribute("composed", library.composed(me, id, shown));
        model.addAttribute(
                "pickedClauses",
                current.clauses().stream().map(c -> c.clauseId()).toList());
        model.addAttribute("clauses", library.clauses(me));
        var before = from == null ? Math.max(1, template.latestVersion() - 1) : from;
        var after = to == null ? template.latestVersion() : to;
        model.addAttribute("from", before);
        model.addAttribute("to", after);
        model.addAttribute("redline", library.eulaRedline(me, id, before, after));
        return "templatelib/eula";
    }

    @PostMapping("/templates/eula/{id}/versions")
    String saveEulaTemplate(
            OfferdeskPrincipal me,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable List<String> clauseIds,
            RedirectAttributes redirect) {
        var page = "redirect:/templates/eula/" + id;
        return FormSubmission.attempt(redirect, page, () -> {
            library.saveEulaTemplate(me, id, name, picks(clauseIds));
            return page;
        });
    }

    @GetMapping("/templates/eula/{id}/versions/{version}/pdf")
    ResponseEntity<byte[]> eulaPdf(OfferdeskPrincipal me, @PathVariable String id, @PathVariable int version) {
        var composed = library.composed(me, id, version);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(EulaPdf.fileName(id, version))
                                .build()
                                .toString())
                .body(pdf.render(composed, me.partyName(), id, version));
    }

    @PostMapping("/templates/pricing")
    String createPricingTemplate(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String shape,
            @RequestParam(required = false) @Nullable Integer durationMonths,
            @RequestParam(defaultValue = "USD") String currency,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/templates", () -> {
            library.createPricingTemplate(me, name, shape, durationMonths, currency);
            return "redirect:/templates#pricing";
        });
    }

    @PostMapping("/templates/forms")
    String createApprovalForm(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String fields,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/templates", () -> {
            var parsed = lines(fields).stream()
                    .map(parts -> new FormField(part(parts, 0), part(parts, 1), true))
                    .toList();
            library.createApprovalForm(me, name, parsed);
            return "redirect:/templates#forms";
        });
    }

    @PostMapping("/templates/checklists")
    String createChecklist(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String items,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/templates", () -> {
            var parsed = lines(items).stream()
                    .map(parts -> new ChecklistItem(part(parts, 0), part(parts, 1), requirement(part(parts, 2))))
                    .toList();
            library.createChecklist(me, name, parsed);
            return "redirect:/templates#checklists";
        });
    }

    @PostMapping("/templates/offer-templates")
    String createOfferTemplate(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String eulaTemplateId,
            @RequestParam(defaultValue = "") String pricingTemplateId,
            @RequestParam(defaultValue = "") String approvalFormId,
            @RequestParam(defaultValue = "") String checklistId,
            @RequestParam(required = false) @Nullable Integer expiryDays,
            @RequestParam(defaultValue = "") String renewalMode,
            @RequestParam(required = false) @Nullable BigDecimal renewalIncreasePercent,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(
                redirect,
                "redirect:/templates",
                () -> "redirect:/templates/offer-templates/"
                        + library.createOfferTemplate(
                                        me,
                                        new OfferTemplateContent(
                                                name,
                                                blankToNull(eulaTemplateId),
                                                null,
                                                blankToNull(pricingTemplateId),
                                                blankToNull(approvalFormId),
                                                blankToNull(checklistId),
                                                expiryDays,
                                                blankToNull(renewalMode),
                                                renewalIncreasePercent))
                                .id());
    }

    @GetMapping("/templates/offer-templates/{id}")
    String offerTemplate(OfferdeskPrincipal me, @PathVariable String id, Model model) {
        var template = library.offerTemplate(me, id);
        model.addAttribute("mayEdit", TemplateLibrary.mayEdit(me));
        model.addAttribute("template", template);
        model.addAttribute(
                "pricing",
                template.pricingTemplateId() == null
                        ? null
                        : library.pricingTemplate(me, template.pricingTemplateId()));
        model.addAttribute(
                "form", template.approvalFormId() == null ? null : library.approvalForm(me, template.approvalFormId()));
        model.addAttribute(
                "checklist", template.checklistId() == null ? null : library.checklist(me, template.checklistId()));
        model.addAttribute(
                "products", me.partyKind() == PartyKind.SELLER ? catalog.productsOf(me.partyId()) : List.of());
        return "templatelib/offerTemplate";
    }

    @PostMapping("/templates/offer-templates/{id}/offers")
    String startOffer(
            OfferdeskPrincipal me,
            @PathVariable String id,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        var page = "redirect:/templates/offer-templates/" + id;
        return FormSubmission.attempt(redirect, params, page, () -> {
            var accounts = Arrays.stream(
                            params.getOrDefault("buyerAccounts", "").split("[,;\\s]+"))
                    .filter(a -> !a.isBlank())
                    .toList();
            var started = offerTemplates.start(
                    me,
                    id,
                    new StartOffer(
                            blankToNull(params.getOrDefault("productId", "")),
                            blankToNull(params.getOrDefault("resaleAuthorizationId", "")),
                            accounts,
                            blankToNull(params.getOrDefault("name", "")),
                            decimal("discountPercent", params.get("discountPercent")),
                            decimal("contractPrice", params.get("contractPrice")),
                            integer(params.get("quantity")),
                            null));
            var changeSetId = started.changeSet().id();
            var offerId = offerTemplates.offerOf(me, changeSetId, OFFER_WAIT);
            if (offerId.isPresent()) {
                redirect.addFlashAttribute("started", offerId.get());
                return "redirect:/offers/" + offerId.get();
            }
            var changeSet = offerTemplates.changeSet(me, changeSetId);
            var errors = changeSet.changes().stream()
                    .flatMap(c -> c.errors().stream())
                    .map(e -> e.message())
                    .toList();
            redirect.addFlashAttribute("changeSetId", changeSetId);
            redirect.addFlashAttribute("changeSetErrors", errors);
            return page;
        });
    }

    @GetMapping("/templates/offers/{offerId}/checklist")
    String offerChecklist(OfferdeskPrincipal me, @PathVariable String offerId, Model model) {
        model.addAttribute("offerId", offerId);
        model.addAttribute("items", checklists.items(me, offerId));
        model.addAttribute("mayEdit", TemplateLibrary.mayEdit(me));
        return "templatelib/checklist";
    }

    @PostMapping("/templates/offers/{offerId}/checklist/{itemKey}")
    String recordChecklistItem(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @PathVariable String itemKey,
            @RequestParam(required = false) @Nullable String evidence,
            RedirectAttributes redirect) {
        var page = "redirect:/templates/offers/" + offerId + "/checklist";
        return FormSubmission.attempt(redirect, page, () -> {
            if (evidence == null) {
                checklists.signOff(me, offerId, itemKey);
            } else {
                checklists.recordEvidence(me, offerId, itemKey, evidence);
            }
            return page;
        });
    }

    private static List<ClausePick> picks(@Nullable List<String> clauseIds) {
        return clauseIds == null
                ? List.of()
                : clauseIds.stream().map(id -> new ClausePick(id, null)).toList();
    }

    /** Lines of {@code a | b | c}, blank lines dropped. */
    private static List<String[]> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(l -> l.split("\\|")).toList();
    }

    private static String part(String[] parts, int index) {
        return index < parts.length ? parts[index].strip() : "";
    }

    private static @Nullable ChecklistRequirement requirement(String value) {
        try {
            return ChecklistRequirement.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    private static @Nullable BigDecimal decimal(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new io.offerdesk.shared.InvalidInput(field, "templates.number");
        }
    }

    private static @Nullable Integer integer(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new io.offerdesk.shared.InvalidInput("quantity", "validation.range", 1, OfferTemplates.QUANTITY_MAX);
        }
    }
}
