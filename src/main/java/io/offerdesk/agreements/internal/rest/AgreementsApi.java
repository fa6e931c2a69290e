package io.offerdesk.agreements.internal.rest;

import io.offerdesk.agreements.AgreementFilter;
import io.offerdesk.agreements.AgreementRequest;
import io.offerdesk.agreements.AgreementRequest.Intent;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.Agreements.PurchaseOrder;
import io.offerdesk.agreements.Agreements.QuoteRequest;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.agreements.RequestedTerm;
import io.offerdesk.agreements.TermConfiguration.ContractConfiguration;
import io.offerdesk.agreements.TermConfiguration.DimensionQuantity;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Validations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quotes and acceptance for buyers, and agreements for both sides. A quote is AWS's CreateAgreementRequest, acceptance
 * its AcceptAgreementRequest; lists have the filters of SearchAgreements. Another party's agreements and quotes are
 * not found (404).
 */
@RestController
@Tag(name = "Agreements", description = "Quotes, acceptance and agreements for buyers and sellers")
class AgreementsApi {

    /**
     * A quote request. {@code selectorValue} and {@code dimensions} configure a configurable contract (duration, and
     * quantity per dimension key); {@code requestedTerms} may instead list every term id with its configuration.
     */
    record QuoteBody(
            @Nullable String offerId,
            @Nullable String accountId,
            @Nullable Intent intent,
            @Nullable String sourceAgreementId,
            @Nullable List<RequestedTerm> requestedTerms,
            @Nullable Period selectorValue,
            @Nullable Map<String, Integer> dimensions,
            @Nullable Boolean autoRenew,
            @Nullable String clientToken) {}

    record AcceptBody(@Nullable List<PurchaseOrder> purchaseOrders, boolean eulaAcknowledged) {}

    record PageJson(List<AgreementJson> agreements, boolean more) {}

    private final Agreements agreements;
    private final MessageSource messages;

    AgreementsApi(Agreements agreements, MessageSource messages) {
        this.agreements = agreements;
        this.messages = messages;
    }

    @PostMapping("/api/v1/buyer/agreement-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Quote an offer: the charges, dates and agreement value of accepting it (CreateAgreementRequest)")
    AgreementJson.RequestJson quote(OfferdeskPrincipal me, @RequestBody QuoteBody body) {
        var contract = body.selectorValue() == null
                ? null
                : new ContractConfiguration(
                        body.selectorValue(),
                        body.dimensions() == null
                                ? List.of()
                                : body.dimensions().entrySet().stream()
                                        .map(e -> new DimensionQuantity(e.getKey(), e.getValue()))
                                        .toList());
        return json(agreements.quote(
                me,
                new QuoteRequest(
                        Validations.present("offerId", body.offerId()),
                        body.accountId(),
                        body.intent(),
                        body.sourceAgreementId(),
                        body.requestedTerms(),
                        contract,
                        body.autoRenew(),
                        body.clientToken())));
    }

    @GetMapping("/api/v1/buyer/agreement-requests/{requestId}")
    @Operation(summary = "One of the buyer's quotes")
    AgreementJson.RequestJson request(OfferdeskPrincipal me, @PathVariable String requestId) {
        return json(agreements.request(me, requestId));
    }

    private AgreementJson.RequestJson json(AgreementRequest request) {
        return AgreementJson.of(request, agreements.accounts(request));
    }

    @PostMapping("/api/v1/buyer/agreement-requests/{requestId}/accept")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Accept a quote (AcceptAgreementRequest): procurement users only, with the EULA acknowledged;"
                    + " accepting the same quote again answers with the same agreement")
    AgreementJson accept(OfferdeskPrincipal me, @PathVariable String requestId, @RequestBody AcceptBody body) {
        return AgreementJson.of(
                agreements.accept(
                        me,
                        requestId,
                        body.purchaseOrders() == null ? List.of() : body.purchaseOrders(),
                        body.eulaAcknowledged()),
                agreements::partyName);
    }

    @GetMapping("/api/v1/agreements")
    @Operation(
            summary =
                    "Search agreements with the filters of SearchAgreements (sellers as PROPOSER, buyers as ACCEPTOR)")
    PageJson search(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable PartyType partyType,
            @RequestParam(required = false) @Nullable String productId,
            @RequestParam(required = false) @Nullable ProductType productType,
            @RequestParam(required = false) @Nullable String offerId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String acceptorAccountId,
            @RequestParam(required = false) @Nullable String initialAgreementId,
            @RequestParam(required = false) @Nullable Instant afterStartTime,
            @RequestParam(required = false) @Nullable Instant beforeStartTime,
            @RequestParam(required = false) @Nullable Instant afterEndTime,
            @RequestParam(required = false) @Nullable Instant beforeEndTime,
            @RequestParam(defaultValue = "END_TIME") AgreementFilter.Sort sortBy,
            @RequestParam(defaultValue = "ASCENDING") SortOrder sortOrder,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "20") int limit) {
        var side = partyType != null
                ? partyType
                : me.partyKind() == PartyKind.BUYER ? PartyType.ACCEPTOR : PartyType.PROPOSER;
        var filter = new AgreementFilter(
                side,
                productId,
                productType,
                offerId,
                status,
                acceptorAccountId,
                initialAgreementId,
                afterStartTime,
                beforeStartTime,
                afterEndTime,
                beforeEndTime,
                sortBy,
                sortOrder == SortOrder.ASCENDING);
        var page = agreements.search(me, filter, offset, limit);
        return new PageJson(
                page.agreements().stream()
                        .map(a -> AgreementJson.of(a, agreements::partyName))
                        .toList(),
                page.more());
    }

    enum SortOrder {
        ASCENDING,
        DESCENDING
    }

    @GetMapping("/api/v1/agreements/{agreementId}")
    @Operation(summary = "One agreement (DescribeAgreement) with its charges")
    AgreementJson one(OfferdeskPrincipal me, @PathVariable String agreementId) {
        return AgreementJson.of(agreements.agreement(me, agreementId), agreements::partyName);
    }

    @GetMapping("/api/v1/agreements/{agreementId}/terms")
    @Operation(summary = "The accepted terms, with their term ids and the buyer's configuration (GetAgreementTerms)")
    AgreementJson.TermsJson terms(OfferdeskPrincipal me, @PathVariable String agreementId) {
        return new AgreementJson.TermsJson(agreements.agreement(me, agreementId).terms());
    }

    /**
     * A refusal by the buyer's private marketplace names its reason, as AWS's {@code AccessDeniedException.reason}
     * does, so that a client can tell it from missing roles and offer to request the product.
     */
    @ExceptionHandler(Agreements.PurchaseDenied.class)
    ProblemDetail purchaseDenied(Agreements.PurchaseDenied denied) {
        var reason = "DENIED_BY_PRIVATE_MARKETPLACE_POLICY";
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN,
                messages.getMessage("agreement." + reason, null, LocaleContextHolder.getLocale()));
        problem.setProperty("reason", reason);
        return problem;
    }
}
