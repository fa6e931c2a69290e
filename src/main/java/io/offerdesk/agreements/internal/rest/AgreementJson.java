package io.offerdesk.agreements.internal.rest;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.AgreementCharge;
import io.offerdesk.agreements.AgreementRequest;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.ChargeSummary;
import io.offerdesk.agreements.EndTimeBehavior;
import io.offerdesk.agreements.ExpectedCharge;
import io.offerdesk.shared.AccountId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Agreements and quotes in the native API, with AWS's names where AWS has one ({@code DescribeAgreement},
 * {@code ChargeSummary}); amounts are decimal strings next to their currency, as AWS writes them.
 */
record AgreementJson(
        String agreementId,
        String agreementType,
        String status,
        String offerId,
        @Nullable String offerSetId,
        String productId,
        String productType,
        Party proposer,
        Party acceptor,
        Party billedAccount,
        Seller sellerOfRecord,
        Seller publisher,
        Instant acceptanceTime,
        Instant startTime,
        @Nullable Instant endTime,
        Instant lastUpdateTime,
        String initialAgreementId,
        Money estimatedCharges,
        EndTimeBehavior endTimeBehavior,
        boolean autoRenew,
        int renewals,
        @Nullable WholesaleJson wholesale,
        List<ChargeJson> charges) {

    record Party(String accountId) {}

    /** A seller by name: the seller of record proposed the agreement, the publisher owns the product. */
    record Seller(String name) {}

    /**
     * The wholesale side of a channel partner private offer's agreement, for the partner and the ISV; the buyer's
     * agreement has none. The ISV's agreement shows the wholesale terms, value and charges in place of the buyer's.
     */
    record WholesaleJson(String resaleAuthorizationId, Money wholesaleValue) {}

    record Money(String currencyCode, String agreementValue) {}

    record ChargeJson(
            String id,
            int revision,
            Instant time,
            String amount,
            String currencyCode,
            String timing,
            @Nullable String state,
            @Nullable String purchaseOrderReference,
            @Nullable String wholesaleAmount) {}

    record TermsJson(List<AcceptedTerm> acceptedTerms) {}

    /**
     * The accounts accepting a quote involves: the owner of the agreement, the accounts receiving the entitlements,
     * the account billed, and whether the owner is a designated procurement account.
     */
    record AccountsJson(
            String ownerAccountId,
            List<String> entitlementAccountIds,
            String billingAccountId,
            boolean procurementAccount) {}

    /**
     * A quote as AWS's CreateAgreementRequest answers it, with the accepted terms, when it expires and the accounts it
     * involves.
     */
    record RequestJson(
            String agreementRequestId,
            String offerId,
            String acceptorAccountId,
            String intent,
            @Nullable String sourceAgreementId,
            Instant createdAt,
            Instant expiresAt,
            @Nullable String agreementId,
            SummaryJson chargeSummary,
            Instant startTime,
            @Nullable Instant endTime,
            List<AcceptedTerm> acceptedTerms,
            AccountsJson accounts) {}

    record SummaryJson(
            String currencyCode,
            String newAgreementValue,
            List<ChargeJson> expectedCharges,
            boolean usageBilledPerPeriod,
            InvoicingEntity invoicingEntity) {}

    record InvoicingEntity(String legalName) {}

    /**
     * @param agreement as the caller sees it ({@link Agreement#seenFrom})
     * @param names a party's name by id
     */
    static AgreementJson of(Agreement agreement, Function<UUID, String> names) {
        var value = agreement.agreementValue();
        var wholesale = agreement.wholesale();
        return new AgreementJson(
                agreement.id().value(),
                Agreement.TYPE,
                agreement.status().wireName(),
                agreement.offerId(),
                agreement.offerSetId(),
                agreement.productId(),
                agreement.productType().name(),
                new Party(agreement.proposerAccountId().value()),
                new Party(agreement.acceptorAccountId().value()),
                new Party(agreement.billingAccountId().value()),
                new Seller(names.apply(agreement.proposerPartyId())),
                new Seller(names.apply(agreement.publisherPartyId())),
                agreement.acceptanceTime(),
                agreement.startTime(),
                agreement.endTime(),
                agreement.lastUpdateTime(),
                agreement.initialAgreementId().value(),
                new Money(value.getCurrencyUnit().getCode(), decimal(value.getAmount())),
                agreement.endTimeBehavior(),
                agreement.autoRenew(),
                agreement.renewals(),
                wholesale == null
                        ? null
                        : new WholesaleJson(
                                wholesale.resaleAuthorizationId(),
                                new Money(
                                        wholesale.value().getCurrencyUnit().getCode(),
                                        decimal(wholesale.value().getAmount()))),
                agreement.charges().stream().map(AgreementJson::charge).toList());
    }

    static RequestJson of(AgreementRequest request, Agreements.PurchaseAccounts accounts) {
        var charges = request.charges();
        return new RequestJson(
                request.id().value(),
                request.offerId(),
                request.acceptorAccountId().value(),
                request.intent().name(),
                request.sourceAgreementId() == null
                        ? null
                        : request.sourceAgreementId().value(),
                request.createdAt(),
                request.expiresAt(),
                request.agreementId() == null ? null : request.agreementId().value(),
                summary(charges),
                charges.startTime(),
                charges.endTime(),
                request.terms(),
                new AccountsJson(
                        accounts.owner().value(),
                        accounts.entitled().stream().map(AccountId::value).toList(),
                        accounts.billed().value(),
                        accounts.procurementAccount()));
    }

    private static SummaryJson summary(ChargeSummary charges) {
        return new SummaryJson(
                charges.currency().getCode(),
                decimal(charges.agreementValue().getAmount()),
                charges.expectedCharges().stream().map(AgreementJson::expected).toList(),
                charges.usageBilled(),
                new InvoicingEntity(charges.invoicingEntity()));
    }

    private static ChargeJson charge(AgreementCharge charge) {
        return new ChargeJson(
                charge.id(),
                charge.revision(),
                charge.time(),
                decimal(charge.amount().getAmount()),
                charge.amount().getCurrencyUnit().getCode(),
                charge.timing().name(),
                charge.state().name(),
                charge.purchaseOrderReference(),
                charge.wholesaleAmount() == null
                        ? null
                        : decimal(charge.wholesaleAmount().getAmount()));
    }

    private static ChargeJson expected(ExpectedCharge charge) {
        return new ChargeJson(
                charge.id(),
                1,
                charge.time(),
                decimal(charge.amount().getAmount()),
                charge.amount().getCurrencyUnit().getCode(),
                charge.timing().name(),
                null,
                null,
                null);
    }

    private static String decimal(BigDecimal amount) {
        return amount.toPlainString();
    }
}
