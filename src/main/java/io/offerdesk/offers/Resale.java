package io.offerdesk.offers;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What makes an offer a channel partner private offer (CPPO): the resale authorization it was created from. The
 * partner that owns the offer is its proposer and seller of record; the manufacturer (ISV) publishes the product.
 *
 * @param authorizationId the {@code resaleauthz-} id the offer was created from; never changes
 * @param manufacturerPartyId the ISV that granted the authorization and owns the product
 * @param wholesaleTerms the authorization's pricing and payment-schedule terms at the offer's creation: what the ISV
 *     is paid. Seen by the partner and the ISV, never by the buyer
 * @param markupPercentage set by {@code UpdateMarkup}: the buyer's prices are the wholesale prices raised by it;
 *     absent when the partner set its own amounts
 */
public record Resale(
        String authorizationId,
        UUID manufacturerPartyId,
        List<Term> wholesaleTerms,
        @Nullable BigDecimal markupPercentage) {

    public Resale {
        wholesaleTerms = List.copyOf(wholesaleTerms);
    }

    public Resale withMarkup(@Nullable BigDecimal percentage) {
        return new Resale(authorizationId, manufacturerPartyId, wholesaleTerms, percentage);
    }
}
