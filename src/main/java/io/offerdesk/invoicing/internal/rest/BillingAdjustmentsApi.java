package io.offerdesk.invoicing.internal.rest;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.invoicing.BillingAdjustmentEntry;
import io.offerdesk.invoicing.BillingAdjustmentRequest;
import io.offerdesk.invoicing.BillingAdjustments;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Billing adjustments (refunds) as AWS's BatchCreate/Get/List-BillingAdjustmentRequest, with its member names, reason
 * codes, statuses and error codes. A batch answers 200 with the accepted entries and the refused ones side by side;
 * each refusal also names its fields. Another seller's requests and invoices are not found.
 */
@RestController
@Tag(name = "Billing adjustments", description = "Refunds against invoices, completed by credit memos")
class BillingAdjustmentsApi {

    /** AWS's member names; AWS's model does not bound the list, Offerdesk takes 1 to 50 entries. */
    record BatchBody(@Nullable List<BillingAdjustmentEntry> billingAdjustmentRequestEntries) {}

    record ItemJson(String billingAdjustmentRequestId, String clientToken) {}

    record FieldJson(String field, String code, String message) {}

    /** AWS's {@code BatchCreateBillingAdjustmentError}, with the fields that broke a rule. */
    record ErrorJson(String code, String message, @Nullable String clientToken, List<FieldJson> fields) {}

    record BatchJson(List<ItemJson> items, List<ErrorJson> errors) {}

    /** AWS's {@code GetBillingAdjustmentRequestOutput} and {@code BillingAdjustmentSummary} in one. */
    record RequestJson(
            String billingAdjustmentRequestId,
            String agreementId,
            String agreementType,
            String catalog,
            String originalInvoiceId,
            String adjustmentAmount,
            String currencyCode,
            String adjustmentReasonCode,
            @Nullable String description,
            String status,
            @Nullable String statusMessage,
            @Nullable String creditMemoId,
            String clientToken,
            Instant createdAt,
            Instant updatedAt) {

        static RequestJson of(BillingAdjustmentRequest request) {
            return new RequestJson(
                    request.id(),
                    request.agreementId(),
                    Agreement.TYPE,
                    CATALOG,
                    request.originalInvoiceId(),
                    request.adjustmentAmount().getAmount().toPlainString(),
                    request.adjustmentAmount().getCurrencyUnit().getCode(),
                    request.reasonCode().name(),
                    request.description(),
                    request.status().name(),
                    request.statusMessage(),
                    request.creditMemoId(),
                    request.clientToken(),
                    request.createdAt(),
                    request.updatedAt());
        }
    }

    record PageJson(List<RequestJson> items, boolean more) {}

    static final String CATALOG = "AWSMarketplace";

    private final BillingAdjustments adjustments;
    private final MessageSource messages;

    BillingAdjustmentsApi(BillingAdjustments adjustments, MessageSource messages) {
        this.adjustments = adjustments;
        this.messages = messages;
    }

    @PostMapping("/api/v1/billing-adjustment-requests")
    @Operation(
            summary = "Ask to give money back against invoices, one entry per invoice and agreement, each with its own"
                    + " client token (BatchCreateBillingAdjustmentRequest)")
    BatchJson create(OfferdeskPrincipal me, @RequestBody BatchBody body) {
        var entries = body.billingAdjustmentRequestEntries();
        var batch = adjustments.create(me, entries == null ? List.of() : entries);
        var locale = LocaleContextHolder.getLocale();
        return new BatchJson(
                batch.items().stream()
                        .map(i -> new ItemJson(i.billingAdjustmentRequestId(), i.clientToken()))
                        .toList(),
                batch.errors().stream().map(e -> error(e, locale)).toList());
    }

    @GetMapping("/api/v1/billing-adjustment-requests")
    @Operation(summary = "The seller's billing adjustment requests, newest first (ListBillingAdjustmentRequests)")
    PageJson list(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String agreementId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Instant createdAfter,
            @RequestParam(required = false) @Nullable Instant createdBefore,
            @RequestParam(required = false) @Nullable String originalInvoiceId,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        var page = adjustments.list(
                me,
                new BillingAdjustments.Filter(agreementId, status, createdAfter, createdBefore, originalInvoiceId),
                offset,
                limit);
        return new PageJson(page.requests().stream().map(RequestJson::of).toList(), page.more());
    }

    @GetMapping("/api/v1/billing-adjustment-requests/{requestId}")
    @Operation(summary = "One billing adjustment request (GetBillingAdjustmentRequest)")
    RequestJson one(OfferdeskPrincipal me, @PathVariable String requestId) {
        return RequestJson.of(adjustments.request(me, requestId));
    }

    private ErrorJson error(BillingAdjustments.Failure failure, Locale locale) {
        var fields = failure.violations().stream()
                .map(v -> new FieldJson(
                        v.field(),
                        v.code(),
                        messages.getMessage(v.code(), v.arguments().toArray(), locale)))
                .toList();
        return new ErrorJson(
                failure.code().name(),
                fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")),
                failure.clientToken(),
                fields);
    }
}
