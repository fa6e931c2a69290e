package io.offerdesk.changesets;

import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Validations;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The module that owns an entity type applies the changes made to it. The change-set engine checks a request's shape
 * and ownership synchronously through this interface, then, in the background, opens one {@link ChangeSession} per
 * change set and handler and applies the changes in order inside the engine's transaction.
 */
public interface ChangeHandler {

    /** The entity type with its version, as AWS writes it, e.g. {@code Offer@1.0}. */
    String entityType();

    /** Every change type this handler applies. */
    Set<String> changeTypes();

    /** The change types that create an entity; they name no identifier. */
    Set<String> creatingChangeTypes();

    /**
     * Checks a change's {@code DetailsDocument} synchronously: required members, types, lengths and patterns. A string
     * of the form {@code $ChangeName.Entity.Identifier} stands for an id and is accepted wherever one is expected.
     *
     * @param path the field path of the document in the request, e.g. {@code ChangeSet[2].DetailsDocument}
     */
    void checkShape(String changeType, JsonNode details, String path, Validations checks);

    /**
     * The kinds of party whose change sets may target this entity type: sellers' offers are no buyer's to change, and a
     * buyer's private marketplace is no seller's. Any other party is told the entity type does not exist.
     */
    default Set<PartyKind> ownerKinds() {
        return Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER);
    }

    /**
     * Checks, synchronously too, what only the owner's data can tell: e.g. that a private-marketplace audience names
     * the owner's own accounts. Runs after {@link #checkShape} for a document of the right shape.
     */
    default void checkForOwner(
            UUID ownerPartyId, String changeType, JsonNode details, String path, Validations checks) {}

    /**
     * The current revision of an entity the party owns.
     *
     * @throws io.offerdesk.shared.NotFound when it does not exist or belongs to another party
     */
    long revisionOf(UUID ownerPartyId, String entityId);

    /** Starts applying the changes of one change set that target this handler's entities. */
    ChangeSession open(ChangeSetContext context);
}
