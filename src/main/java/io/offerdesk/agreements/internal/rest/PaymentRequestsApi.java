package io.offerdesk.agreements.internal.rest;

import io.offerdesk.agreements.PartyType;
import io.offerdesk.agreements.PaymentRequest;
import io.offerdesk.agreements.PaymentRequests;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payment requests under a variable payment term: AWS's Send/Get/List/Cancel/Accept/Reject-AgreementPaymentRequest.
 * Amounts are decimal strings next to their currency. Another party's agreements and requests are not found.
 */
@RestController
@Tag(name = "Payment requests", description = "Sellers' payment requests under variable payment terms")
class PaymentRequestsApi {

    record SendBody(
            @Nullable String termId,
            @Nullable String name,
            @Nullable String description,
            @Nullable String chargeAmount) {}

    record AcceptBody(@Nullable String purchaseOrderReference) {}

    record RejectBody(@Nullable String reason) {}

    record PaymentRequestJson(
            String paymentRequestId,
            String agreementId,
            String termId,
            String status,
            @Nullable String statusMessage,
            String name,
            @Nullable String description,
            String chargeAmount,
            String currencyCode,
            @Nullable String chargeId,
            @Nullable String purchaseOrderReference,
            @Nullable Instant autoApproveAt,
            Instant createdAt,
            Instant updatedAt) {

        static PaymentRequestJson of(PaymentRequest request) {
            return new PaymentRequestJson(
                    request.id().value(),
                    request.agreementId().value(),
                    request.termId(),
                    request.status().name(),
                    request.statusMessage(),
                    request.name(),
                    request.description(),
                    request.chargeAmount().getAmount().toPlainString(),
                    request.chargeAmount().getCurrencyUnit().getCode(),
                    request.chargeId(),
                    request.purchaseOrderReference(),
                    request.autoApproveAt(),
                    request.createdAt(),
                    request.updatedAt());
        }
    }

    record PageJson(List<PaymentRequestJson> items, boolean more) {}

    /** The agreement's requests with what its variable payment term still allows. */
    record AgreementPageJson(
            List<PaymentRequestJson> items,
            boolean more,
            String termId,
            String currencyCode,
            String maxTotalChargeAmount,
            String remainingChargeAmount,
            String paymentRequestApprovalStrategy,
            @Nullable Period expirationDuration) {}

    private final PaymentRequests payments;

    PaymentRequestsApi(PaymentRequests payments) {
        this.payments = payments;
    }

    @PostMapping("/api/v1/agreements/{agreementId}/payment-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Ask the buyer for a payment of up to what remains of the variable payment maximum"
                    + " (SendAgreementPaymentRequest)")
    PaymentRequestJson send(OfferdeskPrincipal me, @PathVariable String agreementId, @RequestBody SendBody body) {
        return PaymentRequestJson.of(payments.send(
                me,
                agreementId,
                new PaymentRequests.Send(body.termId(), body.name(), body.description(), body.chargeAmount())));
    }

    @GetMapping("/api/v1/agreements/{agreementId}/payment-requests")
    @Operation(summary = "The agreement's payment requests, newest first, with the maximum and what remains of it")
    AgreementPageJson ofAgreement(
            OfferdeskPrincipal me,
            @PathVariable String agreementId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        var allowance = payments.allowance(me, agreementId)
                .orElseThrow(() -> new NotFound("variable-payment-term", agreementId));
        var page = list(me, null, agreementId, status, offset, limit);
        return new AgreementPageJson(
                page.items(),
                page.more(),
                allowance.termId(),
                allowance.maximum().getCurrencyUnit().getCode(),
                allowance.maximum().getAmount().toPlainString(),
                allowance.remaining().getAmount().toPlainString(),
                allowance.strategy().name(),
                allowance.expirationDuration());
    }

    @GetMapping("/api/v1/payment-requests")
    @Operation(
            summary = "The payment requests the seller sent (PROPOSER) or the buyer received (ACCEPTOR)"
                    + " (ListAgreementPaymentRequests)")
    PageJson list(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable PartyType partyType,
            @RequestParam(required = false) @Nullable String agreementId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        var page = payments.list(
                me,
                new PaymentRequests.Filter(CancellationsApi.side(me, partyType), agreementId, status),
                offset,
                limit);
        return new PageJson(page.requests().stream().map(PaymentRequestJson::of).toList(), page.more());
    }

    @GetMapping("/api/v1/payment-requests/{requestId}")
    @Operation(summary = "One payment request (GetAgreementPaymentRequest)")
    PaymentRequestJson one(OfferdeskPrincipal me, @PathVariable String requestId) {
        return PaymentRequestJson.of(payments.request(me, requestId));
    }

    @PostMapping("/api/v1/payment-requests/{requestId}/withdraw")
    @Operation(summary = "Withdraw a waiting payment request as its seller (CancelAgreementPaymentRequest)")
    PaymentRequestJson withdraw(OfferdeskPrincipal me, @PathVariable String requestId) {
        return PaymentRequestJson.of(payments.withdraw(me, requestId));
    }

    @PostMapping("/api/v1/payment-requests/{requestId}/accept")
    @Operation(
            summary = "Approve a waiting payment request, optionally with a purchase order: the agreement gets a due"
                    + " charge (AcceptAgreementPaymentRequest)")
    PaymentRequestJson accept(
            OfferdeskPrincipal me,
            @PathVariable String requestId,
            @RequestBody(required = false) @Nullable AcceptBody body) {
        return PaymentRequestJson.of(
                payments.accept(me, requestId, body == null ? null : body.purchaseOrderReference()));
    }

    @PostMapping("/api/v1/payment-requests/{requestId}/reject")
    @Operation(summary = "Reject a waiting payment request, with a reason (RejectAgreementPaymentRequest)")
    PaymentRequestJson reject(
            OfferdeskPrincipal me,
            @PathVariable String requestId,
            @RequestBody(required = false) @Nullable RejectBody body) {
        return PaymentRequestJson.of(payments.reject(me, requestId, body == null ? null : body.reason()));
    }
}
