package io.offerdesk.offers;

import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.changesets.StartChangeSet;
import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.offers.internal.domain.OfferChanges;
import io.offerdesk.offers.internal.domain.OfferDocuments;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seller's everyday offer actions, each one change set through the engine like any other write: expire (cancel),
 * extend or shorten the expiry, rename, clone (optionally expiring the original in the same change set, so both
 * happen or neither), and start a replacement offer for an agreement.
 */
@Service
public class OfferActions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ChangeSets changeSets;
    private final OfferQueries queries;
    private final ReplaceableAgreements agreements;
    private final Clock clock;

    OfferActions(ChangeSets changeSets, OfferQueries queries, ReplaceableAgreements agreements, Clock clock) {
        this.changeSets = changeSets;
        this.queries = queries;
        this.agreements = agreements;
        this.clock = clock;
    }

    /** Expires the offer at once by moving its availability end date to yesterday, as AWS cancels offers. */
    public ChangeSet expire(OfferdeskPrincipal me, String offerId) {
        var offer = queries.offer(me, offerId);
        return start(me, List.of(availability(offer.id().value(), today().minusDays(1))));
    }

    /** Moves the expiry to another day; a future day makes an expired offer active again. */
    public ChangeSet changeExpiry(OfferdeskPrincipal me, String offerId, @Nullable LocalDate availabilityEndDate) {
        var offer = queries.offer(me, offerId);
        var details = NODES.objectNode();
        details.put("AvailabilityEndDate", availabilityEndDate == null ? null : availabilityEndDate.toString());
        return start(me, List.of(change("UpdateAvailability", offer.id().value(), null, details)));
    }

    /** Changes the name and, if given, the description (which buyers never see). */
    public ChangeSet rename(
            OfferdeskPrincipal me, String offerId, @Nullable String name, @Nullable String description) {
        var offer = queries.offer(me, offerId);
        var details = NODES.objectNode();
        details.put("Name", name);
        if (description != null) {
            details.put("Description", description);
        }
        return start(me, List.of(change("UpdateInformation", offer.id().value(), null, details)));
    }

    /**
     * Creates a draft with the offer's product, information, targeting, terms and (if still ahead) expiry.
     *
     * @param expireOriginal also expire the original, in the same change set
     */
    public ChangeSet cloneOffer(OfferdeskPrincipal me, String offerId, @Nullable String name, boolean expireOriginal) {
        var original = queries.offer(me, offerId);
        var stored = JSON.readTree(OfferDocuments.store(original));
        var target = "$CloneOffer.Entity.Identifier";
        var changes = new ArrayList<RequestedChange>();
        var create = NODES.objectNode();
        var resale = original.resale();
        if (resale == null) {
            create.put("ProductId", original.productId());
            changes.add(change("CreateOffer", null, "CloneOffer", create));
        } else {
            // A partner's offer is copied from its authorization, which vouches for the product and the wholesale side.
            create.put("ResaleAuthorizationId", resale.authorizationId());
            changes.add(change("CreateOfferUsingResaleAuthorization", null, "CloneOffer", create));
        }
        var markup = resale == null ? null : resale.markupPercentage();

        var information = NODES.objectNode();
        information.put("Name", name != null ? name : clippedName("Copy of " + original.name()));
        copy(stored, information, "Description");
        copy(stored, information, "PreExistingAgreement");
        changes.add(change("UpdateInformation", target, null, information));

        var pricing = new ArrayList<JsonNode>();
        var byChange = new LinkedHashMap<String, ObjectNode>();
        for (var term : stored.path("Terms")) {
            var changeType = OfferChanges.changeTypeFor(term.path("Type").asString());
            if (markup != null
                    && (changeType.equals("UpdatePricingTerms") || changeType.equals("UpdatePaymentScheduleTerms"))) {
                // The copy starts from wholesale again and takes the same markup below.
                continue;
            }
            if (changeType.equals("UpdatePricingTerms")) {
                pricing.add(term);
            } else {
                var details = NODES.objectNode();
                details.putArray("Terms").add(term);
                byChange.put(changeType, details);
            }
        }
        if (!pricing.isEmpty()) {
            var details = NODES.objectNode();
            copy(stored, details, "PricingModel");
            details.putArray("Terms").addAll(pricing);
            changes.add(change("UpdatePricingTerms", target, null, details));
        }
        byChange.forEach((type, details) -> changes.add(change(type, target, null, details)));
        if (markup != null) {
            var details = NODES.objectNode();
            details.put("Percentage", markup.toPlainString());
            changes.add(change("UpdateMarkup", target, null, details));
        }
        for (var rule : stored.path("Rules")) {
            switch (rule.path("Type").asString()) {
                case "TargetingRule" -> {
                    var details = NODES.objectNode();
                    copy(rule, details, "PositiveTargeting");
                    copy(rule, details, "NegativeTargeting");
                    changes.add(change("UpdateTargeting", target, null, details));
                }
                case "AvailabilityRule" -> {
                    var end = LocalDate.parse(rule.path("AvailabilityEndDate").asString());
                    if (!end.isBefore(today())) {
                        changes.add(availability(target, end));
                    }
                }
                default -> {}
            }
        }
        if (expireOriginal) {
            changes.add(availability(original.id().value(), today().minusDays(1)));
        }
        return start(me, changes);
    }

    /**
     * Creates a draft replacement offer for one of the seller's agreements ({@code CreateReplacementOffer}); the seller
     * then sets its terms and releases it like any draft. Another seller's agreement is not found.
     */
    public ChangeSet createReplacementOffer(OfferdeskPrincipal me, String agreementId, @Nullable String name) {
        var agreement =
                agreements.find(me.partyId(), agreementId).orElseThrow(() -> new NotFound("agreement", agreementId));
        var details = NODES.objectNode();
        details.put("AgreementId", agreement.agreementId());
        if (name != null) {
            details.put("Name", name);
        }
        return start(me, List.of(change(OfferChanges.CREATE_REPLACEMENT_OFFER, null, null, details)));
    }

    private ChangeSet start(OfferdeskPrincipal me, List<RequestedChange> changes) {
        return changeSets.start(me, new StartChangeSet(changes, null, null, null));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static RequestedChange availability(String identifier, LocalDate date) {
        var details = NODES.objectNode();
        details.put("AvailabilityEndDate", date.toString());
        return change("UpdateAvailability", identifier, null, details);
    }

    private static RequestedChange change(
            String type, @Nullable String identifier, @Nullable String name, JsonNode details) {
        return new RequestedChange(type, Offer.ENTITY_TYPE, identifier, name, details);
    }

    private static void copy(JsonNode from, ObjectNode to, String member) {
        if (from.has(member)) {
            to.set(member, from.get(member));
        }
    }

    private static String clippedName(String name) {
        return name.length() <= 150 ? name : name.substring(0, 150);
    }
}
