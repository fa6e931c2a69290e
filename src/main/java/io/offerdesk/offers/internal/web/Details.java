package io.offerdesk.offers.internal.web;

import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.offers.Offer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the DetailsDocuments of offer changes in AWS's shapes. Values go in as the seller typed them: the engine
 * checks every one and names the field it rejects, so the forms never second-guess it.
 */
final class Details {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Details() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static RequestedChange change(String changeType, @Nullable String offerId, JsonNode details) {
        return new RequestedChange(changeType, Offer.ENTITY_TYPE, offerId, null, details);
    }

    /** {@code {"Terms":[term]}}, or {@code {"Terms":[]}} to remove the term. */
    static ObjectNode terms(@Nullable JsonNode term) {
        var details = object();
        var terms = details.putArray("Terms");
        if (term != null) {
            terms.add(term);
        }
        return details;
    }

    static ObjectNode term(String type) {
        var term = object();
        term.put("Type", type);
        return term;
    }

    /** A whole number as a JSON number; anything else as typed, for the engine to reject by name. */
    static void putInteger(ObjectNode node, String name, String typed) {
        var text = typed.strip();
        try {
            node.put(name, Integer.parseInt(text));
        } catch (NumberFormatException notAnInteger) {
            node.put(name, text);
        }
    }
}
