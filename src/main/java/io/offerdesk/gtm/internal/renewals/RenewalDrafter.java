package io.offerdesk.gtm.internal.renewals;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.Agreement;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.changesets.StartChangeSet;
import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.gtm.internal.renewals.RenewalRepository.Draft;
import io.offerdesk.gtm.internal.renewals.RenewalRepository.Settings;
import io.offerdesk.gtm.internal.renewals.RenewalRepository.State;
import io.offerdesk.gtm.internal.renewals.domain.RenewalTerms;
import io.offerdesk.gtm.internal.templates.TemplateLibrary;
import io.offerdesk.gtm.internal.templates.TemplateOrigins;
import io.offerdesk.gtm.internal.templates.TemplateRepository.OfferTemplate;
import io.offerdesk.gtm.internal.templates.TemplateRepository.Origin;
import io.offerdesk.gtm.internal.templates.domain.RenewalMode;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.PreExistingAgreement.AcquisitionChannel;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.TermDocuments;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drafts the renewal of one agreement: claims the agreement (once ever, by its primary key) and starts the change set
 * that creates the renewal offer. What becomes of the change set, {@link RenewalQueue} records.
 */
@Component
class RenewalDrafter {

    static final int OFFER_NAME_MAX = 150;
    private static final String TARGET = "$Renewal.Entity.Identifier";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** How the agreement renews: the mode and increase of its offer's template, else the party's defaults. */
    record Plan(
            RenewalMode mode,
            BigDecimal increasePercent,
            @Nullable Origin origin) {}

    private final RenewalRepository repository;
    private final OfferQueries offers;
    private final TemplateOrigins origins;
    private final TemplateLibrary library;
    private final ChangeSets changeSets;

    RenewalDrafter(
            RenewalRepository repository,
            OfferQueries offers,
            TemplateOrigins origins,
            TemplateLibrary library,
            ChangeSets changeSets) {
        this.repository = repository;
        this.offers = offers;
        this.origins = origins;
        this.library = library;
        this.changeSets = changeSets;
    }

    /** The plan for the agreement, as the party's settings and its offer's template give it. */
    Plan plan(OfferdeskPrincipal engine, Settings settings, Agreement agreement) {
        var origin = origins.ofOffer(engine.partyId(), agreement.offerId());
        var template = origin.flatMap(o -> template(engine, o.templateId()));
        return new Plan(
                template.map(OfferTemplate::renewalMode).orElse(settings.defaultMode()),
                template.map(OfferTemplate::renewalIncreasePercent).orElse(settings.increasePercent()),
                origin.orElse(null));
    }

    private Optional<OfferTemplate> template(OfferdeskPrincipal engine, String templateId) {
        try {
            return Optional.of(library.offerTemplate(engine, templateId));
        } catch (NotFound gone) {
            return Optional.empty();
        }
    }

    /**
     * Claims the agreement and starts its change set; false when another run claimed it first. Runs in the caller's
     * transaction: a refusal (the offer rules, a product gone) rolls the claim back, and the caller records the
     * failure with {@link #failed}.
     */
    boolean draft(OfferdeskPrincipal engine, Plan plan, Agreement agreement, Instant now) {
        var end = Objects.requireNonNull(agreement.endTime(), "the engine drafts agreements with an end");
        if (!repository.claim(draft(engine, plan, agreement, end, State.DRAFTING, null, now))) {
            return false;
        }
        var offer = offers.offer(engine, agreement.offerId());
        var changes = changes(agreement, offer, plan, end, now);
        var changeSet = changeSets.start(
                engine,
                new StartChangeSet(
                        changes,
                        "Renewal of agreement " + agreement.id().value(),
                        "renewal-" + agreement.id().value(),
                        null));
        repository.started(engine.partyId(), agreement.id().value(), changeSet.id(), now);
        var origin = plan.origin();
        if (origin != null) {
            // The renewal follows the template version its agreement was made from: its checklist and approval form.
            origins.record(new Origin(
                    changeSet.id(),
                    origin.owner(),
                    origin.templateId(),
                    origin.templateVersion(),
                    origin.checklistId(),
                    origin.approvalFormId(),
                    origin.eulaTemplateId(),
                    origin.eulaVersion(),
                    null,
                    now));
        }
        return true;
    }

    /** Records that the agreement's renewal could not be drafted, so that it is shown and not tried again. */
    boolean failed(OfferdeskPrincipal engine, Plan plan, Agreement agreement, String reason, Instant now) {
        var end = Objects.requireNonNull(agreement.endTime(), "the engine drafts agreements with an end");
        return repository.claim(draft(engine, plan, agreement, end, State.FAILED, reason, now));
    }

    private static Draft draft(
            OfferdeskPrincipal engine,
            Plan plan,
            Agreement agreement,
            Instant end,
            State state,
            @Nullable String reason,
            Instant now) {
        var origin = plan.origin();
        return new Draft(
                agreement.id().value(),
                engine.partyId(),
                agreement.offerId(),
                agreement.productId(),
                agreement.acceptorAccountId().value(),
                end,
                plan.mode(),
                plan.increasePercent(),
                origin == null ? null : origin.templateId(),
                state,
                null,
                null,
                null,
                reason,
                now,
                now);
    }

    /**
     * The changes that create the renewal offer: the same product (or resale authorization) for the same buyer
     * account, the accepted terms raised by the increase for the new term, marked as a renewal, expiring before the old
     * end.
     */
    static List<RequestedChange> changes(Agreement agreement, Offer offer, Plan plan, Instant end, Instant now) {
        var mode = plan.mode();
        var resale = offer.resale();
        var oldStart = LocalDate.ofInstant(agreement.startTime(), ZoneOffset.UTC);
        var dates = RenewalTerms.Dates.of(
                mode, oldStart, LocalDate.ofInstant(end, ZoneOffset.UTC), LocalDate.ofInstant(now, ZoneOffset.UTC));
        var terms = RenewalTerms.renewed(
                agreement.terms().stream().map(AcceptedTerm::term).toList(),
                plan.increasePercent(),
                oldStart,
                dates,
                RenewalTerms.validity(mode, dates));

        var changes = new ArrayList<RequestedChange>();
        var create = NODES.objectNode();
        if (resale != null) {
            create.put("ResaleAuthorizationId", resale.authorizationId());
        }
        if (mode == RenewalMode.REPLACEMENT) {
            create.put("AgreementId", agreement.id().value());
            changes.add(change(
                    resale == null ? "CreateReplacementOffer" : "CreateReplacementOfferUsingResaleAuthorization",
                    null,
                    "Renewal",
                    create));
        } else if (resale != null) {
            changes.add(change("CreateOfferUsingResaleAuthorization", null, "Renewal", create));
        } else {
            create.put("ProductId", agreement.productId());
            changes.add(change("CreateOffer", null, "Renewal", create));
        }

        var information = NODES.objectNode();
        information.put(
                "Name",
                clipped("Renewal of "
                        + Objects.requireNonNullElse(offer.name(), offer.id().value())));
        information.put(
                "Description", "Renewal of agreement " + agreement.id().value() + " drafted by the renewal engine");
        var renewal = information.putObject("PreExistingAgreement");
        renewal.put("AcquisitionChannel", AcquisitionChannel.AWS_MARKETPLACE.wireName());
        renewal.put(
                "PricingModel",
                Objects.requireNonNull(offer.pricingModel(), "a released offer has a pricing model")
                        .wireName());
        changes.add(change("UpdateInformation", TARGET, null, information));

        if (mode != RenewalMode.REPLACEMENT) {
            // A replacement offer targets the agreement's holder by itself and may not change its targeting.
            var targeting = NODES.objectNode();
            targeting
                    .putObject("PositiveTargeting")
                    .putArray("BuyerAccounts")
                    .add(agreement.acceptorAccountId().value());
            changes.add(change("UpdateTargeting", TARGET, null, targeting));
        }

        var byChange = new LinkedHashMap<String, ObjectNode>();
        for (var term : terms) {
            var changeType = TermDocuments.changeTypeFor(term);
            if (resale != null && sellsAtWholesale(term)) {
                // A partner's prices come from its authorization; the markup below carries the increase.
                continue;
            }
            var details = byChange.computeIfAbsent(changeType, type -> {
                var node = NODES.objectNode();
                if (type.equals("UpdatePricingTerms")) {
                    node.put(
                            "PricingModel",
                            Objects.requireNonNull(offer.pricingModel()).wireName());
                }
                node.putArray("Terms");
                return node;
            });
            ((ArrayNode) details.get("Terms")).add(TermDocuments.change(term));
        }
        byChange.forEach((type, details) -> changes.add(change(type, TARGET, null, details)));
        if (resale != null && resale.markupPercentage() != null) {
            var markup = NODES.objectNode();
            markup.put(
                    "Percentage",
                    RenewalTerms.raisedMarkup(resale.markupPercentage(), plan.increasePercent())
                            .toPlainString());
            changes.add(change("UpdateMarkup", TARGET, null, markup));
        }
        var availability = NODES.objectNode();
        availability.put("AvailabilityEndDate", dates.expiry().toString());
        changes.add(change("UpdateAvailability", TARGET, null, availability));
        return changes;
    }

    private static boolean sellsAtWholesale(Term term) {
        return term instanceof Term.PricingTerm || term instanceof Term.PaymentScheduleTerm;
    }

    private static RequestedChange change(
            String type, @Nullable String identifier, @Nullable String name, JsonNode details) {
        return new RequestedChange(type, Offer.ENTITY_TYPE, identifier, name, details);
    }

    private static String clipped(String name) {
        return name.length() <= OFFER_NAME_MAX ? name : name.substring(0, OFFER_NAME_MAX);
    }
}
