package io.offerdesk.offers;

import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.changesets.StartChangeSet;
import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The everyday offer set changes of the composer and the native API, each one change set of {@code OfferSet@1.0}
 * changes: the engine checks and applies them as it would the same changes sent to {@code POST /api/v1/change-sets}.
 */
@Service
public class OfferSetActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CREATED = "$OfferSet.Entity.Identifier";

    private final ChangeSets changeSets;
    private final OfferSets sets;

    OfferSetActions(ChangeSets changeSets, OfferSets sets) {
        this.changeSets = changeSets;
        this.sets = sets;
    }

    /** Creates a draft set with its offers and, if asked, releases it (and so its offers) in the same change set. */
    public ChangeSet create(
            OfferdeskPrincipal me, String name, @Nullable String buyerNotes, List<String> offerIds, boolean release) {
        var create = NODES.objectNode();
        create.put("Name", name);
        if (buyerNotes != null) {
            create.put("BuyerNotes", buyerNotes);
        }
        var changes = new ArrayList<RequestedChange>();
        changes.add(new RequestedChange("CreateOfferSet", OfferSet.ENTITY_TYPE, null, "OfferSet", create));
        if (!offerIds.isEmpty()) {
            changes.add(change("AssociateOffers", CREATED, offers(offerIds)));
        }
        if (release) {
            changes.add(change("ReleaseOfferSet", CREATED, NODES.objectNode()));
        }
        return start(me, changes);
    }

    /** Adds offers to a draft set and removes others. */
    public ChangeSet changeOffers(OfferdeskPrincipal me, String offerSetId, List<String> add, List<String> remove) {
        var id = sets.offerSet(me, offerSetId).set().id().value();
        var changes = new ArrayList<RequestedChange>();
        if (!remove.isEmpty()) {
            changes.add(change("DisassociateOffers", id, offers(remove)));
        }
        if (!add.isEmpty()) {
            changes.add(change("AssociateOffers", id, offers(add)));
        }
        return start(me, changes);
    }

    /** Releases the set and its offers. */
    public ChangeSet release(OfferdeskPrincipal me, String offerSetId) {
        var id = sets.offerSet(me, offerSetId).set().id().value();
        return start(me, List.of(change("ReleaseOfferSet", id, NODES.objectNode())));
    }

    private ChangeSet start(OfferdeskPrincipal me, List<RequestedChange> changes) {
        return changeSets.start(me, new StartChangeSet(changes, null, null, null));
    }

    private static RequestedChange change(String type, String identifier, JsonNode details) {
        return new RequestedChange(type, OfferSet.ENTITY_TYPE, identifier, null, details);
    }

    private static JsonNode offers(List<String> offerIds) {
        var details = NODES.objectNode();
        var list = details.putArray("Offers");
        offerIds.forEach(id -> list.addObject().put("OfferId", id));
        return details;
    }
}
