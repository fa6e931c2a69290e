package io.offerdesk.agreements;

import io.offerdesk.agreements.AgreementStatus.Active;
import io.offerdesk.agreements.AgreementStatus.Replaced;
import io.offerdesk.agreements.EndTimeBehavior.ReasonCode;
import io.offerdesk.agreements.TermConfiguration.RenewalConfiguration;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Conflict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A purchase agreement: the terms of one offer, accepted by one buyer account, as AWS's {@code PurchaseAgreement}.
 * The accepted terms are a snapshot: later changes to the offer never reach them.
 *
 * @param initialAgreementId the first agreement of a renewal or replacement chain; its own id when it has no parent
 * @param offerSetId the offer set whose offers the buyer accepted together with this one; absent for a lone offer
 * @param proposerPartyId the offer's owner: the seller of record (for a channel partner private offer, the partner)
 * @param publisherPartyId the product's owner (ISV); the proposer itself unless a partner resold the product
 * @param billingAccountId the account billed for the charges: the buyer organization's designated billing account at
 *     acceptance, else the accepting account; a renewal keeps its predecessor's
 * @param acceptanceTime when the buyer accepted; before {@code startTime} for a future-dated agreement
 * @param endTime absent for pay-as-you-go agreements
 * @param agreementValue the estimated value by AWS's rules, in the offer's currency
 * @param wholesale for a channel partner private offer, what the ISV is paid; absent for a direct offer
 * @param renewals how many times the chain renewed before this agreement (0 for the first)
 * @param renewalOptOut which side switched automatic renewal off, if one did
 * @param version increases with every change, for optimistic locking
 */
public record Agreement(
        AgreementId id,
        AgreementId initialAgreementId,
        String offerId,
        @Nullable String offerSetId,
        String productId,
        ProductType productType,
        UUID proposerPartyId,
        AccountId proposerAccountId,
        UUID publisherPartyId,
        UUID acceptorPartyId,
        AccountId acceptorAccountId,
        AccountId billingAccountId,
        AgreementRequestId requestId,
        Instant acceptanceTime,
        Instant startTime,
        @Nullable Instant endTime,
        List<AcceptedTerm> terms,
        Money agreementValue,
        @Nullable Wholesale wholesale,
        List<AgreementCharge> charges,
        AgreementStatus status,
        int renewals,
        @Nullable PartyType renewalOptOut,
        Instant lastUpdateTime,
        long version) {

    public static final String TYPE = "PurchaseAgreement";

    public Agreement {
        terms = List.copyOf(terms);
        charges = List.copyOf(charges);
    }

    /** The state if the agreement is active; a move from any other state is refused as {@code INACTIVE_AGREEMENT}. */
    public Active active() {
        if (status instanceof Active active) {
            return active;
        }
        throw new Conflict(RefusalReason.INACTIVE_AGREEMENT.messageKey(), id.value(), status.wireName());
    }

    /** A channel partner private offer's agreement: a partner resold the publisher's product. */
    public boolean isResale() {
        return wholesale != null;
    }

    public @Nullable String resaleAuthorizationId() {
        return wholesale == null ? null : wholesale.resaleAuthorizationId();
    }

    public boolean isActive() {
        return status instanceof Active;
    }

    /** Accepted, but its start date is still ahead. */
    public boolean isFutureDated(Instant now) {
        return isActive() && startTime.isAfter(now);
    }

    public <T extends Term> Optional<T> term(Class<T> type) {
        return terms.stream()
                .map(AcceptedTerm::term)
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst();
    }

    public Optional<AcceptedTerm> acceptedTerm(Class<? extends Term> type) {
        return terms.stream().filter(t -> type.isInstance(t.term())).findFirst();
    }

    /** Whether the buyer asked for automatic renewal when accepting (and neither side has opted out since). */
    public boolean autoRenew() {
        var chosen = acceptedTerm(RenewalTerm.class)
                .map(AcceptedTerm::configuration)
                .filter(RenewalConfiguration.class::isInstance)
                .map(c -> ((RenewalConfiguration) c).enableAutoRenew())
                .orElse(false);
        return chosen && renewalOptOut == null;
    }

    /** What happens at the end: renewal while the renewal term allows it, otherwise expiry with the reason. */
    public EndTimeBehavior endTimeBehavior() {
        if (status instanceof Replaced) {
            return new EndTimeBehavior(EndTimeBehavior.Type.REPLACE, null);
        }
        var renewal = term(RenewalTerm.class);
        if (renewal.isEmpty()) {
            return expiring(ReasonCode.NO_RENEWAL_TERM);
        }
        if (renewalOptOut == PartyType.PROPOSER) {
            return expiring(ReasonCode.PROPOSER_RENEW_OPTED_OUT);
        }
        if (!autoRenew()) {
            return expiring(ReasonCode.ACCEPTOR_RENEW_OPTED_OUT);
        }
        var max = renewal.get().maxRenewals();
        if (max != null && renewals >= max) {
            return expiring(ReasonCode.RENEWAL_LIMIT_EXHAUSTED);
        }
        return new EndTimeBehavior(EndTimeBehavior.Type.RENEW, null);
    }

    /** How much of an agreement a party sees; {@link Agreements} decides which side a party is on. */
    public enum Side {
        /** The proposer (seller of record) and the operator: everything, both sides of a resale. */
        WHOLE,
        /** The acceptor: its own prices; never the wholesale side or the partner's margin. */
        BUYER,
        /**
         * The ISV whose product a channel partner resold: the wholesale terms, charges and value only; never the
         * buyer's prices or the margin.
         */
        PUBLISHER
    }

    /** The agreement as one side sees it, in one place so every page and API shows each party the same. */
    public Agreement seenFrom(Side side) {
        return switch (side) {
            case WHOLE -> this;
            case BUYER ->
                with(
                        terms,
                        agreementValue,
                        null,
                        charges.stream()
                                .map(c -> new AgreementCharge(
                                        c.id(),
                                        c.revision(),
                                        c.time(),
                                        c.amount(),
                                        c.timing(),
                                        c.state(),
                                        c.purchaseOrderReference(),
                                        null))
                                .toList());
            case PUBLISHER -> {
                if (wholesale == null) {
                    yield this;
                }
                yield with(
                        wholesale.terms(),
                        wholesale.value(),
                        wholesale,
                        charges.stream()
                                .map(c -> new AgreementCharge(
                                        c.id(),
                                        c.revision(),
                                        c.time(),
                                        java.util.Objects.requireNonNull(
                                                c.wholesaleAmount(),
                                                "a resold agreement's charge has a wholesale amount"),
                                        c.timing(),
                                        c.state(),
                                        // The buyer's purchase order is between the buyer and the seller of record.
                                        null,
                                        c.wholesaleAmount()))
                                .toList());
            }
        };
    }

    private Agreement with(
            List<AcceptedTerm> shownTerms,
            Money shownValue,
            @Nullable Wholesale shownWholesale,
            List<AgreementCharge> shownCharges) {
        return copy(shownTerms, shownValue, shownWholesale, shownCharges, status, lastUpdateTime, version);
    }

    /** The same agreement with its charges, which are stored and read beside it. */
    public Agreement withCharges(List<AgreementCharge> loaded) {
        return with(terms, agreementValue, wholesale, loaded);
    }

    public Agreement withStatus(AgreementStatus next, Instant at) {
        return copy(terms, agreementValue, wholesale, charges, next, at, version + 1);
    }

    /** This agreement with the components that change after acceptance replaced: one place that lists them all. */
    private Agreement copy(
            List<AcceptedTerm> terms,
            Money value,
            @Nullable Wholesale wholesale,
            List<AgreementCharge> charges,
            AgreementStatus status,
            Instant updatedAt,
            long version) {
        return new Agreement(
                id,
                initialAgreementId,
                offerId,
                offerSetId,
                productId,
                productType,
                proposerPartyId,
                proposerAccountId,
                publisherPartyId,
                acceptorPartyId,
                acceptorAccountId,
                billingAccountId,
                requestId,
                acceptanceTime,
                startTime,
                endTime,
                terms,
                value,
                wholesale,
                charges,
                status,
                renewals,
                renewalOptOut,
                updatedAt,
                version);
    }

    private static EndTimeBehavior expiring(ReasonCode reason) {
        return new EndTimeBehavior(EndTimeBehavior.Type.EXPIRE, reason);
    }
}
