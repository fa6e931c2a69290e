package io.offerdesk.agreements.internal.rest;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.AgreementCharge;
import io.offerdesk.agreements.AgreementRequest;
import io.offerdesk.agreements.ChargeSummary;
import io.offerdesk.agreements.EndTimeBehavior;
import io.offerdesk.agreements.ExpectedCharge;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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
        String productId,
        String productType,
        Party proposer,
        Party acceptor,
        Instant acceptanceTime,
        Instant startTime,
        @Nullable Instant endTime,
        Instant lastUpdateTime,
        String initialAgreementId,
        Money estimatedCharges,
        EndTimeBehavior endTimeBehavior,
        boolean autoRenew,
        int renewals,
        List<ChargeJson> charges) {

    record Party(String accountId) {}

    record Money(String currencyCode, String agreementValue) {}

    record ChargeJson(
            String id,
            int revision,
            Instant time,
            String amount,
            String currencyCode,
            String timing,
            @Nullable String state,
            @Nullable String purchaseOrderReference) {}

    record TermsJson(List<AcceptedTerm> acceptedTerms) {}

    /** A quote as AWS's CreateAgreementRequest answers it, with the accepted terms and when it expires. */
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
            List<AcceptedTerm> acceptedTerms) {}

    record SummaryJson(
            String currencyCode,
            String newAgreementValue,
            List<ChargeJson> expectedCharges,
            boolean usageBilledPerPeriod,
            InvoicingEntity invoicingEntity) {}

    record InvoicingEntity(String legalName) {}

    static AgreementJson of(Agreement agreement) {
        var value = agreement.agreementValue();
        return new AgreementJson(
                agreement.id().value(),
                Agreement.TYPE,
                agreement.status().wireName(),
                agreement.offerId(),
                agreement.productId(),
                agreement.productType().name(),
                new Party(agreement.proposerAccountId().value()),
                new Party(agreement.acceptorAccountId().value()),
                agreement.acceptanceTime(),
                agreement.startTime(),
                agreement.endTime(),
                agreement.lastUpdateTime(),
                agreement.initialAgreementId().value(),
                new Money(value.getCurrencyUnit().getCode(), decimal(value.getAmount())),
                agreement.endTimeBehavior(),
                agreement.autoRenew(),
                agreement.renewals(),
                agreement.charges().stream().map(AgreementJson::charge).toList());
    }

    static RequestJson of(AgreementRequest request) {
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
                request.terms());
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
                charge.purchaseOrderReference());
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
                null);
    }

    private static String decimal(BigDecimal amount) {
        return amount.toPlainString();
    }
}
