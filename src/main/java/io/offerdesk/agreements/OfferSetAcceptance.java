package io.offerdesk.agreements;

import io.offerdesk.agreements.Agreements.QuoteRequest;
import io.offerdesk.agreements.TermConfiguration.ContractConfiguration;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferSets;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A buyer accepts a released offer set in one step: every offer of the set is quoted and accepted as {@link
 * Agreements} quotes and accepts one offer, all in one transaction, giving one agreement per offer, each carrying the
 * set's id. When any offer is refused, nothing is accepted and the refusal names the offer.
 */
@Service
public class OfferSetAcceptance {

    /**
     * What the buyer chose for one offer of the set: a configurable contract's duration and quantities, and automatic
     * renewal; an offer the buyer names no choice for is quoted with its defaults.
     */
    public record Choice(
            String offerId,
            @Nullable ContractConfiguration contract,
            @Nullable Boolean autoRenew) {}

    private final Agreements agreements;
    private final OfferSets offerSets;

    OfferSetAcceptance(Agreements agreements, OfferSets offerSets) {
        this.agreements = agreements;
        this.offerSets = offerSets;
    }

    /**
     * Accepts every offer of the set for one of the buyer's accounts.
     *
     * @param accountId the account that accepts; may be left out when the user acts for exactly one account the offers
     *     target
     * @param eulaAcknowledged the buyer read and accepts every offer's EULA
     * @return the agreements, in the set's order
     */
    @Transactional
    public List<Agreement> accept(
            OfferdeskPrincipal me,
            String offerSetId,
            @Nullable String accountId,
            List<Choice> choices,
            boolean eulaAcknowledged) {
        var set = offerSets.forBuyer(me, offerSetId);
        if (!me.has(Role.PROCUREMENT)) {
            throw new AccessDeniedException("only procurement users accept offers");
        }
        if (!eulaAcknowledged) {
            throw new InvalidInput("eulaAcknowledged", "agreement.eulaNotAcknowledged");
        }
        var chosen = new HashMap<String, Choice>();
        for (int i = 0; i < choices.size(); i++) {
            var choice = choices.get(i);
            var inSet = set.offers().stream().anyMatch(o -> o.id().value().equals(choice.offerId()));
            if (!inSet || chosen.put(choice.offerId(), choice) != null) {
                throw new InvalidInput("offers[" + i + "].offerId", "agreement.offerNotInOfferSet", choice.offerId());
            }
        }
        var accepted = new ArrayList<Agreement>();
        for (var offer : set.offers()) {
            var choice = chosen.get(offer.id().value());
            try {
                var quote = agreements.quote(
                        me,
                        new QuoteRequest(
                                offer.id().value(),
                                accountId,
                                null,
                                null,
                                null,
                                choice == null ? null : choice.contract(),
                                choice == null ? null : choice.autoRenew(),
                                null));
                accepted.add(agreements.accept(me, quote.id().value(), List.of(), true, true));
            } catch (InvalidInput refused) {
                throw naming(offer, refused);
            }
        }
        return accepted;
    }

    /** The refusal of one offer, led by which offer it was; every field is put under that offer. */
    private static InvalidInput naming(Offer offer, InvalidInput refused) {
        var field = "offers[" + offer.id().value() + "]";
        var violations = new ArrayList<FieldViolation>();
        violations.add(FieldViolation.of(
                field,
                RefusalReason.OFFER_SET_MEMBER_REFUSED.messageKey(),
                offer.id().value()));
        refused.violations()
                .forEach(v -> violations.add(new FieldViolation(field + "." + v.field(), v.code(), v.arguments())));
        return new InvalidInput(violations);
    }
}
