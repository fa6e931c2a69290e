package io.offerdesk.agreements.internal.rest;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.AgreementCharge;
import io.offerdesk.agreements.AgreementCharges;
import io.offerdesk.agreements.AgreementCharges.ChargeOrder;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.CancellationRequest;
import io.offerdesk.agreements.CancellationRequests;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.PartyKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ending agreements early and the charges' purchase orders: AWS's CancelAgreement, the AgreementCancellationRequest
 * operations, ListAgreementCharges and UpdatePurchaseOrders. Another party's agreements and requests are not found.
 */
@RestController
@Tag(
        name = "Cancellations",
        description = "Buyer cancellation, seller cancellation requests, charges and purchase orders")
class CancellationsApi {

    record SendBody(@Nullable String reasonCode, @Nullable String description) {}

    record ReasonBody(@Nullable String reason) {}

    record CancellationRequestJson(
            String agreementCancellationRequestId,
            String agreementId,
            String reasonCode,
            @Nullable String description,
            String status,
            @Nullable String statusMessage,
            String agreementType,
            Instant createdAt,
            Instant updatedAt) {

        static CancellationRequestJson of(CancellationRequest request) {
            return new CancellationRequestJson(
                    request.id().value(),
                    request.agreementId().value(),
                    request.reasonCode().name(),
                    request.description(),
                    request.status().name(),
                    request.statusMessage(),
                    Agreement.TYPE,
                    request.createdAt(),
                    request.updatedAt());
        }
    }

    record CancellationPageJson(List<CancellationRequestJson> items, boolean more) {}

    /** One charge as ListAgreementCharges answers, with the charge's timing and state as Offerdesk keeps them. */
    record ChargeJson(
            String id,
            int revision,
            String agreementId,
            String agreementType,
            @Nullable String purchaseOrderReference,
            String currencyCode,
            String amount,
            Instant time,
            String timing,
            String state) {

        static ChargeJson of(String agreementId, AgreementCharge charge) {
            return new ChargeJson(
                    charge.id(),
                    charge.revision(),
                    agreementId,
                    Agreement.TYPE,
                    charge.purchaseOrderReference(),
                    charge.amount().getCurrencyUnit().getCode(),
                    charge.amount().getAmount().toPlainString(),
                    charge.time(),
                    charge.timing().name(),
                    charge.state().name());
        }
    }

    record ChargesJson(List<ChargeJson> items) {}

    record PurchaseOrdersBody(@Nullable List<ChargeOrder> purchaseOrders) {}

    private final Agreements agreements;
    private final CancellationRequests cancellations;
    private final AgreementCharges charges;

    CancellationsApi(Agreements agreements, CancellationRequests cancellations, AgreementCharges charges) {
        this.agreements = agreements;
        this.cancellations = cancellations;
        this.charges = charges;
    }

    @PostMapping("/api/v1/agreements/{agreementId}/cancel")
    @Operation(
            summary = "Cancel an agreement as its buyer (CancelAgreement): pay-as-you-go, free trials and free"
                    + " agreements only; contracts end through a seller's cancellation request")
    AgreementJson cancel(OfferdeskPrincipal me, @PathVariable String agreementId) {
        return AgreementJson.of(agreements.asSeenBy(me, cancellations.cancel(me, agreementId)), agreements::partyName);
    }

    @PostMapping("/api/v1/agreements/{agreementId}/cancellation-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Ask the buyer to cancel an active agreement, with a reason code (SendAgreementCancellationRequest)")
    CancellationRequestJson send(OfferdeskPrincipal me, @PathVariable String agreementId, @RequestBody SendBody body) {
        return CancellationRequestJson.of(cancellations.send(
                me, agreementId, new CancellationRequests.Send(body.reasonCode(), body.description())));
    }

    @GetMapping("/api/v1/agreements/{agreementId}/cancellation-requests")
    @Operation(summary = "The cancellation requests of one agreement, newest first")
    CancellationPageJson ofAgreement(
            OfferdeskPrincipal me,
            @PathVariable String agreementId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        agreements.agreement(me, agreementId);
        return list(me, null, agreementId, status, offset, limit);
    }

    @GetMapping("/api/v1/cancellation-requests")
    @Operation(
            summary = "The cancellation requests the seller sent (PROPOSER) or the buyer received (ACCEPTOR)"
                    + " (ListAgreementCancellationRequests)")
    CancellationPageJson list(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable PartyType partyType,
            @RequestParam(required = false) @Nullable String agreementId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        var page = cancellations.list(
                me, new CancellationRequests.Filter(side(me, partyType), agreementId, status), offset, limit);
        return new CancellationPageJson(
                page.requests().stream().map(CancellationRequestJson::of).toList(), page.more());
    }

    @GetMapping("/api/v1/cancellation-requests/{requestId}")
    @Operation(summary = "One cancellation request (GetAgreementCancellationRequest)")
    CancellationRequestJson one(OfferdeskPrincipal me, @PathVariable String requestId) {
        return CancellationRequestJson.of(cancellations.request(me, requestId));
    }

    @PostMapping("/api/v1/cancellation-requests/{requestId}/withdraw")
    @Operation(summary = "Withdraw a waiting request as its seller, with a reason (CancelAgreementCancellationRequest)")
    CancellationRequestJson withdraw(
            OfferdeskPrincipal me, @PathVariable String requestId, @RequestBody ReasonBody body) {
        return CancellationRequestJson.of(cancellations.withdraw(me, requestId, body.reason()));
    }

    @PostMapping("/api/v1/cancellation-requests/{requestId}/accept")
    @Operation(
            summary = "Approve a waiting request as the buyer's procurement user: the agreement is cancelled"
                    + " (AcceptAgreementCancellationRequest)")
    CancellationRequestJson accept(OfferdeskPrincipal me, @PathVariable String requestId) {
        return CancellationRequestJson.of(cancellations.accept(me, requestId));
    }

    @PostMapping("/api/v1/cancellation-requests/{requestId}/reject")
    @Operation(
            summary =
                    "Reject a waiting request with a reason; the agreement goes on (RejectAgreementCancellationRequest)")
    CancellationRequestJson reject(
            OfferdeskPrincipal me, @PathVariable String requestId, @RequestBody ReasonBody body) {
        return CancellationRequestJson.of(cancellations.reject(me, requestId, body.reason()));
    }

    @GetMapping("/api/v1/agreements/{agreementId}/charges")
    @Operation(summary = "The agreement's charges with their revisions and purchase orders (ListAgreementCharges)")
    ChargesJson charges(OfferdeskPrincipal me, @PathVariable String agreementId) {
        return new ChargesJson(charges.charges(me, agreementId).stream()
                .map(charge -> ChargeJson.of(agreementId, charge))
                .toList());
    }

    @PutMapping("/api/v1/buyer/purchase-orders")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Put purchase orders on charges of the buyer's agreements; each charge gets its next revision"
                    + " (UpdatePurchaseOrders)")
    void purchaseOrders(OfferdeskPrincipal me, @RequestBody PurchaseOrdersBody body) {
        charges.updatePurchaseOrders(me, body.purchaseOrders() == null ? List.of() : body.purchaseOrders());
    }

    /** Buyers look as ACCEPTOR, everyone else as PROPOSER, unless they say otherwise. */
    static PartyType side(OfferdeskPrincipal me, @Nullable PartyType asked) {
        if (asked != null) {
            return asked;
        }
        return me.partyKind() == PartyKind.BUYER ? PartyType.ACCEPTOR : PartyType.PROPOSER;
    }
}
