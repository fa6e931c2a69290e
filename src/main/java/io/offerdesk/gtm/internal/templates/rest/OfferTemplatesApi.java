package io.offerdesk.gtm.internal.templates.rest;

import io.offerdesk.changesets.ChangeError;
import io.offerdesk.gtm.ChecklistItemStatus;
import io.offerdesk.gtm.OfferChecklists;
import io.offerdesk.gtm.OfferTemplates;
import io.offerdesk.gtm.OfferTemplates.StartOffer;
import io.offerdesk.gtm.internal.templates.TemplateLibrary;
import io.offerdesk.gtm.internal.templates.TemplateLibrary.OfferTemplateContent;
import io.offerdesk.gtm.internal.templates.TemplateRepository.ApprovalForm;
import io.offerdesk.gtm.internal.templates.TemplateRepository.Checklist;
import io.offerdesk.gtm.internal.templates.TemplateRepository.ChecklistItem;
import io.offerdesk.gtm.internal.templates.TemplateRepository.FormField;
import io.offerdesk.gtm.internal.templates.TemplateRepository.OfferTemplate;
import io.offerdesk.gtm.internal.templates.TemplateRepository.PricingTemplate;
import io.offerdesk.gtm.internal.templates.domain.RenewalMode;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Pricing and payment templates, approval forms, risk checklists, offer templates, the one-step offer from a
 * template, and an offer's checklist state.
 */
@RestController
@Tag(name = "Offer templates", description = "Pricing templates, approval forms, checklists and offer templates")
class OfferTemplatesApi {

    /** How long starting an offer waits for its change set before answering without the offer id. */
    static final Duration OFFER_WAIT_DEFAULT = Duration.ofSeconds(10);

    record PricingTemplateRequest(
            @Nullable String name,
            @Nullable String shape,
            @Nullable Integer durationMonths,
            @Nullable String currency) {}

    /** @param terms the offer terms with the placeholders filled when an offer is made */
    record PricingTemplateJson(
            String id,
            String name,
            String shape,
            int durationMonths,
            String currency,
            JsonNode terms,
            Instant createdAt) {
        static PricingTemplateJson of(PricingTemplate t) {
            return new PricingTemplateJson(
                    t.id(), t.name(), t.shape().name(), t.durationMonths(), t.currency(), t.terms(), t.createdAt());
        }
    }

    record PricingTemplatesJson(List<PricingTemplateJson> templates) {}

    record ApprovalFormRequest(
            @Nullable String name, @Nullable List<FormField> fields) {}

    record ApprovalFormJson(String id, String name, List<FormField> fields, Instant createdAt) {
        static ApprovalFormJson of(ApprovalForm f) {
            return new ApprovalFormJson(f.id(), f.name(), f.fields(), f.createdAt());
        }
    }

    record ApprovalFormsJson(List<ApprovalFormJson> forms) {}

    record ChecklistRequest(@Nullable String name, @Nullable List<ChecklistItem> items) {}

    record ChecklistJson(String id, String name, List<ChecklistItem> items, Instant createdAt) {
        static ChecklistJson of(Checklist c) {
            return new ChecklistJson(c.id(), c.name(), c.items(), c.createdAt());
        }
    }

    record ChecklistsJson(List<ChecklistJson> checklists) {}

    record OfferTemplateJson(
            String id,
            String name,
            int version,
            @Nullable String eulaTemplateId,
            @Nullable Integer eulaVersion,
            @Nullable String pricingTemplateId,
            @Nullable String approvalFormId,
            @Nullable String checklistId,
            int expiryDays,
            @Nullable RenewalMode renewalMode,
            @Nullable BigDecimal renewalIncreasePercent,
            Instant createdAt,
            Instant updatedAt) {
        static OfferTemplateJson of(OfferTemplate t) {
            return new OfferTemplateJson(
                    t.id(),
                    t.name(),
                    t.version(),
                    t.eulaTemplateId(),
                    t.eulaVersion(),
                    t.pricingTemplateId(),
                    t.approvalFormId(),
                    t.checklistId(),
                    t.expiryDays(),
                    t.renewalMode(),
                    t.renewalIncreasePercent(),
                    t.createdAt(),
                    t.updatedAt());
        }
    }

    record OfferTemplatesJson(List<OfferTemplateJson> templates) {}

    /**
     * The change set that creates the offer; {@code offerId} is present when it succeeded within the wait.
     *
     * @param errors the change set's per-change errors when it failed
     */
    record StartedOfferJson(
            String changeSetId,
            String changeSetArn,
            String status,
            @Nullable String offerId,
            String templateId,
            int templateVersion,
            List<ChangeError> errors) {}

    record EvidenceRequest(@Nullable String evidence) {}

    record OfferChecklistJson(String offerId, @Nullable String checklistId, List<ChecklistItemStatus> items) {}

    private final TemplateLibrary library;
    private final OfferTemplates offerTemplates;
    private final OfferChecklists checklists;

    OfferTemplatesApi(TemplateLibrary library, OfferTemplates offerTemplates, OfferChecklists checklists) {
        this.library = library;
        this.offerTemplates = offerTemplates;
        this.checklists = checklists;
    }

    @GetMapping("/api/v1/pricing-templates")
    @Operation(summary = "The party's pricing and payment templates")
    PricingTemplatesJson pricingTemplates(OfferdeskPrincipal me) {
        return new PricingTemplatesJson(library.pricingTemplates(me).stream()
                .map(PricingTemplateJson::of)
                .toList());
    }

    @PostMapping("/api/v1/pricing-templates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a pricing template: ANNUAL_IN_ADVANCE, MONTHLY_INSTALLMENTS or UPFRONT_PLUS_USAGE")
    PricingTemplateJson createPricingTemplate(OfferdeskPrincipal me, @RequestBody PricingTemplateRequest request) {
        return PricingTemplateJson.of(library.createPricingTemplate(
                me, request.name(), request.shape(), request.durationMonths(), request.currency()));
    }

    @GetMapping("/api/v1/pricing-templates/{id}")
    @Operation(summary = "One pricing template with its terms skeleton")
    PricingTemplateJson pricingTemplate(OfferdeskPrincipal me, @PathVariable String id) {
        return PricingTemplateJson.of(library.pricingTemplate(me, id));
    }

    @GetMapping("/api/v1/approval-forms")
    @Operation(summary = "The party's approval-form templates")
    ApprovalFormsJson approvalForms(OfferdeskPrincipal me) {
        return new ApprovalFormsJson(
                library.approvalForms(me).stream().map(ApprovalFormJson::of).toList());
    }

    @PostMapping("/api/v1/approval-forms")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an approval form: the fields an approver sees")
    ApprovalFormJson createApprovalForm(OfferdeskPrincipal me, @RequestBody ApprovalFormRequest request) {
        return ApprovalFormJson.of(library.createApprovalForm(me, request.name(), request.fields()));
    }

    @GetMapping("/api/v1/approval-forms/{id}")
    @Operation(summary = "One approval form")
    ApprovalFormJson approvalForm(OfferdeskPrincipal me, @PathVariable String id) {
        return ApprovalFormJson.of(library.approvalForm(me, id));
    }

    @GetMapping("/api/v1/checklists")
    @Operation(summary = "The party's risk checklists")
    ChecklistsJson checklists(OfferdeskPrincipal me) {
        return new ChecklistsJson(
                library.checklists(me).stream().map(ChecklistJson::of).toList());
    }

    @PostMapping("/api/v1/checklists")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a risk checklist: items that need EVIDENCE or a SIGN_OFF")
    ChecklistJson createChecklist(OfferdeskPrincipal me, @RequestBody ChecklistRequest request) {
        return ChecklistJson.of(library.createChecklist(me, request.name(), request.items()));
    }

    @GetMapping("/api/v1/checklists/{id}")
    @Operation(summary = "One risk checklist")
    ChecklistJson checklist(OfferdeskPrincipal me, @PathVariable String id) {
        return ChecklistJson.of(library.checklist(me, id));
    }

    @GetMapping("/api/v1/offer-templates")
    @Operation(summary = "The party's offer templates")
    OfferTemplatesJson offerTemplates(OfferdeskPrincipal me) {
        return new OfferTemplatesJson(
                library.offerTemplates(me).stream().map(OfferTemplateJson::of).toList());
    }

    @PostMapping("/api/v1/offer-templates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an offer template combining a EULA template version, pricing, form and checklist")
    OfferTemplateJson createOfferTemplate(OfferdeskPrincipal me, @RequestBody OfferTemplateContent request) {
        return OfferTemplateJson.of(library.createOfferTemplate(me, request));
    }

    @GetMapping("/api/v1/offer-templates/{id}")
    @Operation(summary = "One offer template")
    OfferTemplateJson offerTemplate(OfferdeskPrincipal me, @PathVariable String id) {
        return OfferTemplateJson.of(library.offerTemplate(me, id));
    }

    @PutMapping("/api/v1/offer-templates/{id}")
    @Operation(summary = "Save the offer template as its next version")
    OfferTemplateJson updateOfferTemplate(
            OfferdeskPrincipal me, @PathVariable String id, @RequestBody OfferTemplateContent request) {
        return OfferTemplateJson.of(library.updateOfferTemplate(me, id, request));
    }

    @PostMapping("/api/v1/offer-templates/{id}/offers")
    @Operation(
            summary = "Start a draft offer from the template in one change set",
            description = "Answers 201 with the offer id when the change set succeeded within waitSeconds (default 10,"
                    + " 0 to not wait), else 202 with the change set to follow.")
    ResponseEntity<StartedOfferJson> startOffer(
            OfferdeskPrincipal me,
            @PathVariable String id,
            @RequestBody StartOffer request,
            @RequestParam(required = false) @Nullable Integer waitSeconds) {
        var started = offerTemplates.start(me, id, request);
        var wait = waitSeconds == null
                ? OFFER_WAIT_DEFAULT
                : Duration.ofSeconds(Math.clamp(waitSeconds, 0, OFFER_WAIT_DEFAULT.toSeconds()));
        var changeSetId = started.changeSet().id();
        var offerId = offerTemplates.offerOf(me, changeSetId, wait).orElse(null);
        var changeSet = offerTemplates.changeSet(me, changeSetId);
        var body = new StartedOfferJson(
                changeSetId,
                changeSet.arn(),
                changeSet.status().name(),
                offerId,
                started.templateId(),
                started.templateVersion(),
                changeSet.changes().stream().flatMap(c -> c.errors().stream()).toList());
        var answer = offerId == null ? ResponseEntity.accepted() : ResponseEntity.status(HttpStatus.CREATED);
        return answer.location(URI.create(
                        offerId == null ? "/api/v1/change-sets/" + changeSetId : "/api/v1/offers/" + offerId))
                .body(body);
    }

    @GetMapping("/api/v1/offers/{offerId}/checklist")
    @Operation(summary = "The offer's risk checklist (from its template) with evidence and sign-offs")
    OfferChecklistJson offerChecklist(OfferdeskPrincipal me, @PathVariable String offerId) {
        var items = checklists.items(me, offerId);
        return new OfferChecklistJson(offerId, checklists.checklistId(me.partyId(), offerId), items);
    }

    @PostMapping("/api/v1/offers/{offerId}/checklist/{itemKey}/evidence")
    @Operation(summary = "Record evidence (a text or link) for a checklist item that needs evidence")
    ChecklistItemStatus recordEvidence(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @PathVariable String itemKey,
            @RequestBody EvidenceRequest request) {
        return checklists.recordEvidence(me, offerId, itemKey, request.evidence());
    }

    @PostMapping("/api/v1/offers/{offerId}/checklist/{itemKey}/sign-off")
    @Operation(summary = "Sign off a checklist item that needs a sign-off")
    ChecklistItemStatus signOff(OfferdeskPrincipal me, @PathVariable String offerId, @PathVariable String itemKey) {
        return checklists.signOff(me, offerId, itemKey);
    }
}
