package io.offerdesk.offers.internal.domain;

import static io.offerdesk.changesets.DocumentReader.element;
import static io.offerdesk.changesets.DocumentReader.member;

import io.offerdesk.changesets.DocumentReader;
import io.offerdesk.offers.OfferSet;
import io.offerdesk.offers.internal.domain.OfferSetChange.AssociateOffers;
import io.offerdesk.offers.internal.domain.OfferSetChange.CreateOfferSet;
import io.offerdesk.offers.internal.domain.OfferSetChange.DisassociateOffers;
import io.offerdesk.offers.internal.domain.OfferSetChange.ReleaseOfferSet;
import io.offerdesk.offers.internal.domain.OfferSetChange.UpdateInformation;
import io.offerdesk.shared.Validations;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a change's {@code DetailsDocument} into an {@link OfferSetChange}: the synchronous shape check of the Catalog
 * API. Whether the change fits the set and its offers is decided later by {@link OfferSetDecisions}.
 */
public final class OfferSetChanges {

    public static final String CREATE_OFFER_SET = "CreateOfferSet";

    public static final Set<String> CHANGE_TYPES =
            Set.of(CREATE_OFFER_SET, "UpdateInformation", "AssociateOffers", "DisassociateOffers", "ReleaseOfferSet");

    private static final int OFFER_ID_MAX = 255;
    private static final Pattern OFFER_ID =
            Pattern.compile("[a-zA-Z0-9][.a-zA-Z0-9/-]+[a-zA-Z0-9]|\\$[A-Za-z0-9_-]{1,72}\\.Entity\\.Identifier");

    private OfferSetChanges() {}

    /**
     * Reads one change, reporting every broken rule to {@code checks} with its full field path.
     *
     * @return the change, or absent when its document broke a rule
     * @throws IllegalArgumentException for a change type not in {@link #CHANGE_TYPES}
     */
    public static @Nullable OfferSetChange parse(String changeType, JsonNode details, String path, Validations checks) {
        var reader = new DocumentReader(checks);
        if (!details.isObject()) {
            reader.fail(path, "validation.type");
            return null;
        }
        OfferSetChange change = switch (changeType) {
            case CREATE_OFFER_SET -> {
                reader.object(details, path, Set.of("Name", "BuyerNotes"));
                var name = reader.text(details, path, "Name", true, OfferSet.NAME_MAX);
                var notes = reader.text(details, path, "BuyerNotes", false, OfferSet.BUYER_NOTES_MAX);
                yield name == null ? null : new CreateOfferSet(name, notes);
            }
            case "UpdateInformation" -> {
                reader.object(details, path, Set.of("Name", "BuyerNotes"));
                yield new UpdateInformation(
                        reader.text(details, path, "Name", false, OfferSet.NAME_MAX),
                        reader.text(details, path, "BuyerNotes", false, OfferSet.BUYER_NOTES_MAX));
            }
            case "AssociateOffers" -> new AssociateOffers(offers(reader, details, path));
            case "DisassociateOffers" -> new DisassociateOffers(offers(reader, details, path));
            case "ReleaseOfferSet" -> {
                reader.object(details, path, Set.of());
                yield new ReleaseOfferSet();
            }
            default -> throw new IllegalArgumentException("not an offer set change type: " + changeType);
        };
        return reader.failed() ? null : change;
    }

    /** {@code Offers: [{OfferId}]}: 1 to {@link OfferSet#MAX_OFFERS} offers. */
    private static List<String> offers(DocumentReader reader, JsonNode details, String path) {
        reader.object(details, path, Set.of("Offers"));
        var field = member(path, "Offers");
        var list = reader.value(details, path, "Offers", true);
        var ids = new ArrayList<String>();
        if (list == null) {
            return ids;
        }
        if (!list.isArray() || list.isEmpty() || list.size() > OfferSet.MAX_OFFERS) {
            reader.fail(field, "validation.offerSet.offers", OfferSet.MAX_OFFERS);
            return ids;
        }
        for (int i = 0; i < list.size(); i++) {
            var at = element(field, i);
            var offer = reader.object(list.get(i), at, Set.of("OfferId"));
            if (offer == null) {
                reader.fail(at, "validation.required");
                continue;
            }
            var id = reader.text(offer, at, "OfferId", true, OFFER_ID_MAX, OFFER_ID, "validation.type");
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }
}
