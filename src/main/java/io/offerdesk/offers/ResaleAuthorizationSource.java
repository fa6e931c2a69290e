package io.offerdesk.offers;

import io.offerdesk.shared.AccountId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The resale authorizations a channel partner may create offers from, as the offer rules need to know them. The resale
 * module owns authorizations and provides this; offers only ask, because resale authorizations are written in offers'
 * terms and so the resale module depends on offers, not the other way round.
 */
public interface ResaleAuthorizationSource {

    /**
     * An authorization shared with the reseller: one whose reseller account belongs to the party. Anyone else's, like
     * one that does not exist, is absent.
     */
    Optional<AuthorizationFacts> forReseller(UUID resellerPartyId, String authorizationId);

    /**
     * Every authorization shared with the reseller, as {@link #forReseller} finds them, newest first: what the partner's
     * composer lists to start a resale offer from. Used-up, restricted and expired ones are included, so that the page
     * can say why they no longer serve.
     */
    List<AuthorizationFacts> sharedWith(UUID resellerPartyId);

    /**
     * Counts an offer created from the authorization, in the caller's transaction. Refused — nothing counted — when
     * the authorization is not active, has expired or is single-use and already used, so two partners' change sets
     * racing for a single-use authorization cannot both win.
     *
     * @return whether the offer was counted
     */
    boolean claim(String authorizationId, OfferId offerId, LocalDate today);

    /**
     * What a resale offer depends on.
     *
     * @param active released and neither restricted nor expired
     * @param availabilityEndDate the last day offers may be created from it; absent when unlimited in time
     * @param offersMaxQuantity 1 for a single-use authorization; absent otherwise
     * @param offersCreated how many offers were created from it
     * @param buyerAccounts the buyers the partner may target; empty when any buyer may be targeted
     * @param maximumAgreementStartDate the latest start of a future-dated agreement (SaaS only)
     * @param wholesaleTerms pricing, payment schedule and the buyer's legal terms as offer terms: wholesale prices
     * @param netPaymentCeiling the longest net payment term the partner may give the buyer
     * @param preExistingBuyerAgreement the renewal flag
     */
    record AuthorizationFacts(
            String id,
            UUID manufacturerPartyId,
            String productId,
            boolean active,
            @Nullable LocalDate availabilityEndDate,
            @Nullable Integer offersMaxQuantity,
            int offersCreated,
            List<AccountId> buyerAccounts,
            @Nullable LocalDate maximumAgreementStartDate,
            @Nullable OfferPricingModel pricingModel,
            List<Term> wholesaleTerms,
            Term.@Nullable NetPaymentTerm netPaymentCeiling,
            @Nullable PreExistingAgreement preExistingBuyerAgreement) {

        public AuthorizationFacts {
            buyerAccounts = List.copyOf(buyerAccounts);
            wholesaleTerms = List.copyOf(wholesaleTerms);
        }
    }
}
