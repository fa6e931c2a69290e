package io.offerdesk.awsapi.internal.agreement;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.AgreementCharges;
import io.offerdesk.agreements.AgreementFilter;
import io.offerdesk.agreements.AgreementRequest.Intent;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.CancellationRequest;
import io.offerdesk.agreements.CancellationRequests;
import io.offerdesk.agreements.Entitlement;
import io.offerdesk.agreements.Entitlements;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.agreements.PaymentRequest;
import io.offerdesk.agreements.PaymentRequestApprovalStrategy;
import io.offerdesk.agreements.PaymentRequests;
import io.offerdesk.agreements.RefusalReason;
import io.offerdesk.agreements.RequestedTerm;
import io.offerdesk.agreements.TermConfiguration;
import io.offerdesk.awsapi.internal.AwsError;
import io.offerdesk.awsapi.internal.AwsInput;
import io.offerdesk.awsapi.internal.AwsOperations;
import io.offerdesk.awsapi.internal.AwsService;
import io.offerdesk.awsapi.internal.ModuleErrors;
import io.offerdesk.awsapi.internal.OffsetTokens;
import io.offerdesk.awsapi.internal.TermWire;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.invoicing.BillingAdjustmentEntry;
import io.offerdesk.invoicing.BillingAdjustmentRequest;
import io.offerdesk.invoicing.BillingAdjustments;
import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceFilter;
import io.offerdesk.invoicing.InvoiceLine;
import io.offerdesk.invoicing.Invoices;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * AWS Marketplace Agreement Service ({@code marketplace-agreement}, awsJson 1.0, {@code
 * AWSMPCommerceService_v20200301}) on the agreements module: members in the model's lower camel case, timestamps in
 * epoch seconds, the accepted terms as the model's union, pages by an opaque {@code nextToken}. The module's refusals
 * carry AWS's {@code ValidationExceptionReason} as their message key, so they become {@code ValidationException} with
 * that {@code reason}; another party's agreement or request is {@code ResourceNotFoundException}, as one that does not
 * exist.
 */
@Component
class AgreementOperations implements AwsOperations {

    /** The model's {@code MaxResults}: 1–50, and AWS's default when left out. */
    static final int MAX_RESULTS = 50;

    private static final Set<String> REASONS = Arrays.stream(RefusalReason.values())
            .map(Enum::name)
            .filter(AgreementOperations::modeledReason)
            .collect(Collectors.toSet());

    private static final Map<String, String> RESOURCE_TYPES = Map.of(
            "agreement", "Agreement",
            "agreement-request", "AgreementRequest",
            "payment-request", "PaymentRequest",
            "cancellation-request", "AgreementCancellationRequest",
            "offer", "AgreementProposal",
            "invoice", "Invoice",
            "billing-adjustment-request", "BillingAdjustmentRequest");

    private final Agreements agreements;
    private final AgreementCharges charges;
    private final PaymentRequests payments;
    private final CancellationRequests cancellations;
    private final Entitlements entitlements;
    private final Invoices invoices;
    private final BillingAdjustments adjustments;
    private final ModuleErrors errors;
    private final JsonMapper json;

    AgreementOperations(
            Agreements agreements,
            AgreementCharges charges,
            PaymentRequests payments,
            CancellationRequests cancellations,
            Entitlements entitlements,
            Invoices invoices,
            BillingAdjustments adjustments,
            ModuleErrors errors,
            JsonMapper json) {
        this.agreements = agreements;
        this.charges = charges;
        this.payments = payments;
        this.cancellations = cancellations;
        this.entitlements = entitlements;
        this.invoices = invoices;
        this.adjustments = adjustments;
        this.errors = errors;
        this.json = json;
    }

    @Override
    public AwsService service() {
        return AwsService.AGREEMENT;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.ofEntries(
                Map.entry("DescribeAgreement", this::describeAgreement),
                Map.entry("GetAgreementTerms", this::getAgreementTerms),
                Map.entry("SearchAgreements", this::searchAgreements),
                Map.entry("CreateAgreementRequest", this::createAgreementRequest),
                Map.entry("AcceptAgreementRequest", this::acceptAgreementRequest),
                Map.entry("ListAgreementCharges", this::listAgreementCharges),
                Map.entry("CancelAgreement", this::cancelAgreement),
                Map.entry("UpdatePurchaseOrders", this::updatePurchaseOrders),
                Map.entry("ListAgreementInvoiceLineItems", this::listInvoiceLineItems),
                Map.entry("BatchCreateBillingAdjustmentRequest", this::batchCreateBillingAdjustments),
                Map.entry("GetBillingAdjustmentRequest", this::getBillingAdjustment),
                Map.entry("ListBillingAdjustmentRequests", this::listBillingAdjustments),
                Map.entry("GetAgreementEntitlements", this::getAgreementEntitlements),
                Map.entry("SendAgreementCancellationRequest", this::sendCancellationRequest),
                Map.entry(
                        "GetAgreementCancellationRequest",
                        (caller, input) -> cancellationRequest(cancellationRequestOf(caller, input))),
                Map.entry("ListAgreementCancellationRequests", this::listCancellationRequests),
                Map.entry(
                        "AcceptAgreementCancellationRequest",
                        (caller, input) -> cancellationRequest(
                                cancellations.accept(
                                        caller,
                                        cancellationRequestOf(caller, input)
                                                .id()
                                                .value()),
                                "statusMessage")),
                Map.entry(
                        "RejectAgreementCancellationRequest",
                        (caller, input) -> cancellationRequest(cancellations.reject(
                                caller,
                                cancellationRequestOf(caller, input).id().value(),
                                input.string("rejectionReason")))),
                Map.entry(
                        "CancelAgreementCancellationRequest",
                        (caller, input) -> cancellationRequest(cancellations.withdraw(
                                caller,
                                cancellationRequestOf(caller, input).id().value(),
                                input.string("cancellationReason")))),
                Map.entry("SendAgreementPaymentRequest", this::sendPaymentRequest),
                Map.entry(
                        "GetAgreementPaymentRequest",
                        (caller, input) -> paymentRequest(paymentRequestOf(caller, input))),
                Map.entry("ListAgreementPaymentRequests", this::listPaymentRequests),
                Map.entry(
                        "AcceptAgreementPaymentRequest",
                        (caller, input) -> paymentRequest(
                                payments.accept(
                                        caller,
                                        paymentRequestOf(caller, input).id().value(),
                                        input.optionalString("purchaseOrderReference")),
                                "statusMessage",
                                "chargeId")),
                Map.entry(
                        "RejectAgreementPaymentRequest",
                        (caller, input) -> paymentRequest(
                                payments.reject(
                                        caller,
                                        paymentRequestOf(caller, input).id().value(),
                                        input.optionalString("rejectionReason")),
                                "chargeId")),
                Map.entry(
                        "CancelAgreementPaymentRequest",
                        (caller, input) -> paymentRequest(
                                payments.withdraw(
                                        caller,
                                        paymentRequestOf(caller, input).id().value()),
                                "statusMessage",
                                "chargeId")));
    }

    JsonNode describeAgreement(OfferdeskPrincipal caller, AwsInput input) {
        var agreement = agreements.agreement(caller, input.string("agreementId"));
        var output = summary(agreement);
        var value = agreement.agreementValue();
        output.putObject("estimatedCharges")
                .put("currencyCode", value.getCurrencyUnit().getCode())
                .put("agreementValue", TermWire.decimal(value.getAmount()));
        return output;
    }

    JsonNode getAgreementTerms(OfferdeskPrincipal caller, AwsInput input) {
        var agreement = agreements.agreement(caller, input.string("agreementId"));
        var terms = agreement.terms().stream()
                .map(AcceptedTermShapes::of)
                .flatMap(Optional::stream)
                .toList();
        var offset = offset(input);
        var limit = maxResults(input);
        var output = json.createObjectNode();
        var page = output.putArray("acceptedTerms");
        terms.stream().skip(offset).limit(limit).forEach(page::add);
        OffsetTokens.next(output, offset, limit, terms.size() > offset + limit);
        return output;
    }

    JsonNode searchAgreements(OfferdeskPrincipal caller, AwsInput input) {
        var catalog = input.optionalString("catalog");
        if (catalog != null && !catalog.equals("AWSMarketplace")) {
            throw validation("INVALID_CATALOG", "catalog", "Only the AWSMarketplace catalog exists.");
        }
        var filter = filter(caller, input);
        var offset = offset(input);
        var limit = maxResults(input);
        var output = json.createObjectNode();
        var summaries = output.putArray("agreementViewSummaries");
        if (filter == null) {
            return output;
        }
        var page = agreements.search(caller, filter, offset, limit);
        page.agreements().forEach(a -> summaries.add(summary(a)));
        OffsetTokens.next(output, offset, limit, page.more());
        return output;
    }

    /** The offer is named by {@code agreementProposalIdentifier}: Offerdesk's term ids do not name their offer. */
    JsonNode createAgreementRequest(OfferdeskPrincipal caller, AwsInput input) {
        var intent = input.string("intent");
        if (Arrays.stream(Intent.values()).noneMatch(i -> i.name().equals(intent))) {
            throw validation("INVALID_INTENT", "intent", "Offerdesk makes NEW and REPLACE agreement requests.");
        }
        var requested = input.requiredList("requestedTerms", AgreementOperations::requestedTerm);
        var offerId = input.optionalString("agreementProposalIdentifier");
        if (offerId == null) {
            throw validation(
                    "MISSING_AGREEMENT_PROPOSAL_IDENTIFIER",
                    "agreementProposalIdentifier",
                    "Name the offer whose terms are requested.");
        }
        var request = agreements.quote(
                caller,
                new Agreements.QuoteRequest(
                        offerId,
                        null,
                        Intent.valueOf(intent),
                        input.optionalString("sourceAgreementIdentifier"),
                        requested,
                        null,
                        null,
                        input.optionalString("clientToken")));
        var output = json.createObjectNode();
        output.put("agreementRequestId", request.id().value());
        var summary = request.charges();
        var chargeSummary = output.putObject("chargeSummary");
        chargeSummary.put("currencyCode", summary.currency().getCode());
        chargeSummary.put(
                "newAgreementValue", TermWire.decimal(summary.agreementValue().getAmount()));
        var expected = chargeSummary.putArray("expectedCharges");
        for (var charge : summary.expectedCharges()) {
            expected.addObject()
                    .put("id", ChargeIds.wire(charge.id()))
                    .put("time", charge.time().getEpochSecond())
                    .put("amount", TermWire.decimal(charge.amount().getAmount()))
                    .put("timing", charge.timing().name());
        }
        chargeSummary.putObject("invoicingEntity").put("legalName", summary.invoicingEntity());
        return output;
    }

    /** AWS's acceptance has no EULA flag: calling it is the buyer's acceptance of the terms, EULA included. */
    JsonNode acceptAgreementRequest(OfferdeskPrincipal caller, AwsInput input) {
        var orders = input.list(
                "purchaseOrders",
                order -> new Agreements.PurchaseOrder(
                        ChargeIds.module(order.string("chargeId")), order.string("purchaseOrderReference")));
        var agreement = agreements.accept(caller, input.string("agreementRequestId"), orders, true);
        return json.createObjectNode().put("agreementId", agreement.id().value());
    }

    /** The model leaves {@code agreementId} optional; Offerdesk lists one agreement's charges and needs it. */
    JsonNode listAgreementCharges(OfferdeskPrincipal caller, AwsInput input) {
        var agreementId = input.optionalString("agreementId");
        if (agreementId == null) {
            throw validation("MISSING_AGREEMENT_ID", "agreementId", "Name the agreement whose charges to list.");
        }
        var all = charges.charges(caller, agreementId);
        var offset = offset(input);
        var limit = maxResults(input);
        var output = json.createObjectNode();
        var items = output.putArray("items");
        all.stream().skip(offset).limit(limit).forEach(charge -> {
            var item = items.addObject()
                    .put("id", ChargeIds.wire(charge.id()))
                    .put("revision", charge.revision())
                    .put("agreementId", agreementId)
                    .put("agreementType", Agreement.TYPE)
                    .put("currencyCode", charge.amount().getCurrencyUnit().getCode())
                    .put("amount", TermWire.decimal(charge.amount().getAmount()))
                    .put("time", charge.time().getEpochSecond());
            if (charge.purchaseOrderReference() != null) {
                item.put("purchaseOrderReference", charge.purchaseOrderReference());
            }
        });
        OffsetTokens.next(output, offset, limit, all.size() > offset + limit);
        return output;
    }

    JsonNode cancelAgreement(OfferdeskPrincipal caller, AwsInput input) {
        cancellations.cancel(caller, input.string("agreementId"));
        return json.createObjectNode();
    }

    /**
     * The agreement's invoices and credit memos, one group per invoice ({@code groupBy} INVOICE_ID, the model's only
     * grouping): the agreement's lines summed, and for an invoice the seller may still adjust, how much.
     */
    JsonNode listInvoiceLineItems(OfferdeskPrincipal caller, AwsInput input) {
        var agreementId =
                agreements.agreement(caller, input.string("agreementId")).id().value();
        if (!input.string("groupBy").equals("INVOICE_ID")) {
            throw validation("OTHER", "groupBy", "Line items are grouped by INVOICE_ID.");
        }
        var invoiceId = input.optionalString("invoiceId");
        var type = input.optionalString("invoiceType");
        var period = input.structureOrNull("invoiceBillingPeriod");
        var before = input.has("beforeIssuedTime") ? input.timestamp("beforeIssuedTime") : null;
        var after = input.has("afterIssuedTime") ? input.timestamp("afterIssuedTime") : null;
        var found = new ArrayList<Invoice>();
        for (int offset = 0; ; offset += Invoices.PAGE_MAX) {
            var page = invoices.list(
                    caller, new InvoiceFilter(null, null, agreementId, null, null, null), offset, Invoices.PAGE_MAX);
            found.addAll(page);
            if (page.size() < Invoices.PAGE_MAX) {
                break;
            }
        }
        var groups = found.stream()
                .filter(i -> invoiceId == null || i.id().equals(invoiceId))
                .filter(i -> type == null || i.type().name().equals(type))
                .filter(i -> period == null
                        || (i.invoiceDate().getMonthValue() == period.integer("month")
                                && i.invoiceDate().getYear() == period.integer("year")))
                .filter(i -> before == null || i.issuedAt().isBefore(before))
                .filter(i -> after == null || i.issuedAt().isAfter(after))
                .toList();
        var offset = offset(input);
        var limit = maxResults(input);
        var output = json.createObjectNode();
        var summaries = output.putArray("agreementInvoiceLineItemGroupSummaries");
        groups.stream().skip(offset).limit(limit).forEach(invoice -> {
            var amount = invoice.lines().stream()
                    .filter(line -> line.agreementId().equals(agreementId))
                    .map(InvoiceLine::amount)
                    .reduce(Money::plus)
                    .orElse(Money.zero(invoice.total().getCurrencyUnit()));
            var item = summaries.addObject().put("agreementId", agreementId).put("invoiceId", invoice.id());
            var money = item.putObject("pricingCurrencyAmount")
                    .put("amount", TermWire.decimal(amount.getAmount()))
                    .put("currencyCode", amount.getCurrencyUnit().getCode());
            adjustments
                    .adjustable(caller, invoice.id(), agreementId)
                    .ifPresent(max -> money.put("maxAdjustmentAmount", TermWire.decimal(max.getAmount())));
            item.putObject("invoiceBillingPeriod")
                    .put("month", invoice.invoiceDate().getMonthValue())
                    .put("year", invoice.invoiceDate().getYear());
            item.put("issuedTime", invoice.issuedAt().getEpochSecond());
            item.put("invoiceType", invoice.type().name());
            item.putObject("invoicingEntity").put("legalName", invoice.invoicingEntity());
        });
        OffsetTokens.next(output, offset, limit, groups.size() > offset + limit);
        return output;
    }

    JsonNode batchCreateBillingAdjustments(OfferdeskPrincipal caller, AwsInput input) {
        var entries = input.requiredList(
                "billingAdjustmentRequestEntries",
                entry -> new BillingAdjustmentEntry(
                        entry.optionalString("agreementId"),
                        entry.optionalString("originalInvoiceId"),
                        entry.optionalString("adjustmentAmount"),
                        entry.optionalString("currencyCode"),
                        entry.optionalString("adjustmentReasonCode"),
                        entry.optionalString("clientToken"),
                        entry.optionalString("description")));
        var batch = adjustments.create(caller, entries);
        var output = json.createObjectNode();
        var items = output.putArray("items");
        batch.items()
                .forEach(created -> items.addObject()
                        .put("billingAdjustmentRequestId", created.billingAdjustmentRequestId())
                        .put("clientToken", created.clientToken()));
        var failed = output.putArray("errors");
        for (var failure : batch.errors()) {
            failed.addObject()
                    .put("code", failure.code().name())
                    .put(
                            "message",
                            failure.violations().stream().map(errors::message).collect(Collectors.joining("; ")))
                    // the model requires the token; an entry without one is answered with an empty one
                    .put("clientToken", failure.clientToken() == null ? "" : failure.clientToken());
        }
        return output;
    }

    JsonNode getBillingAdjustment(OfferdeskPrincipal caller, AwsInput input) {
        var id = input.string("billingAdjustmentRequestId");
        var request = adjustments.request(caller, id);
        if (!request.agreementId().equals(input.string("agreementId"))) {
            throw new NotFound("billing-adjustment-request", id);
        }
        var output = billingAdjustment(request);
        putIfPresent(output, "description", request.description());
        putIfPresent(output, "statusMessage", request.statusMessage());
        return output.put("adjustmentReasonCode", request.reasonCode().name());
    }

    JsonNode listBillingAdjustments(OfferdeskPrincipal caller, AwsInput input) {
        var offset = offset(input);
        var limit = maxResults(input);
        var page = adjustments.list(
                caller,
                new BillingAdjustments.Filter(
                        input.optionalString("agreementId"),
                        input.optionalString("status"),
                        input.has("createdAfter") ? input.timestamp("createdAfter") : null,
                        input.has("createdBefore") ? input.timestamp("createdBefore") : null,
                        null),
                offset,
                limit);
        return page(
                page.requests(),
                request -> billingAdjustment(request)
                        .put("agreementType", Agreement.TYPE)
                        .put("catalog", "AWSMarketplace"),
                offset,
                limit,
                page.more());
    }

    private ObjectNode billingAdjustment(BillingAdjustmentRequest request) {
        return json.createObjectNode()
                .put("billingAdjustmentRequestId", request.id())
                .put("agreementId", request.agreementId())
                .put("originalInvoiceId", request.originalInvoiceId())
                .put(
                        "adjustmentAmount",
                        TermWire.decimal(request.adjustmentAmount().getAmount()))
                .put(
                        "currencyCode",
                        request.adjustmentAmount().getCurrencyUnit().getCode())
                .put("status", request.status().name())
                .put("createdAt", request.createdAt().getEpochSecond())
                .put("updatedAt", request.updatedAt().getEpochSecond());
    }

    JsonNode updatePurchaseOrders(OfferdeskPrincipal caller, AwsInput input) {
        charges.updatePurchaseOrders(
                caller,
                input.requiredList(
                        "purchaseOrders",
                        order -> new AgreementCharges.ChargeOrder(
                                order.optionalString("agreementId"),
                                ChargeIds.module(order.string("chargeId")),
                                order.has("chargeRevision") ? order.integer("chargeRevision") : null,
                                order.optionalString("purchaseOrderReference"))));
        return json.createObjectNode();
    }

    /**
     * The module keeps one entitlement per dimension; AWS lists what the agreement entitles per resource and term, so
     * dimensions of the same grant are one item.
     */
    JsonNode getAgreementEntitlements(OfferdeskPrincipal caller, AwsInput input) {
        var items = entitlements.entitlements(caller, input.string("agreementId")).stream()
                .map(e -> {
                    var item = json.createObjectNode();
                    item.putObject("resource").put("id", e.productId()).put("type", e.resourceType());
                    return item.put("type", e.type())
                            .put("status", e.status().name())
                            .put("statusReasonCode", e.statusReasonCode().name())
                            .put("licenseArn", e.licenseArn());
                })
                .distinct()
                .toList();
        var offset = offset(input);
        var limit = maxResults(input);
        var output = json.createObjectNode();
        var page = output.putArray("agreementEntitlements");
        items.stream().skip(offset).limit(limit).forEach(page::add);
        OffsetTokens.next(output, offset, limit, items.size() > offset + limit);
        return output;
    }

    JsonNode sendCancellationRequest(OfferdeskPrincipal caller, AwsInput input) {
        var sent = cancellations.send(
                caller,
                input.string("agreementId"),
                new CancellationRequests.Send(input.string("reasonCode"), input.optionalString("description")));
        return cancellationRequest(sent, "statusMessage");
    }

    JsonNode listCancellationRequests(OfferdeskPrincipal caller, AwsInput input) {
        var offset = offset(input);
        var limit = maxResults(input);
        var page = cancellations.list(
                caller,
                new CancellationRequests.Filter(
                        partyType(input.string("partyType")),
                        input.optionalString("agreementId"),
                        input.optionalString("status")),
                offset,
                limit);
        return page(
                page.requests(),
                request -> cancellationRequest(request, "statusMessage", "description")
                        .put("agreementType", Agreement.TYPE)
                        .put("catalog", "AWSMarketplace"),
                offset,
                limit,
                page.more());
    }

    /** The request, when it belongs to the agreement the input names; otherwise it is not found, as AWS has it. */
    private CancellationRequest cancellationRequestOf(OfferdeskPrincipal caller, AwsInput input) {
        var id = input.string("agreementCancellationRequestId");
        var request = cancellations.request(caller, id);
        requireOfAgreement(input, request.agreementId().value(), "cancellation-request", id);
        return request;
    }

    /** The request with the members the operation's output shape has. */
    private ObjectNode cancellationRequest(CancellationRequest request, String... notInShape) {
        var output = json.createObjectNode()
                .put("agreementCancellationRequestId", request.id().value())
                .put("agreementId", request.agreementId().value())
                .put("status", request.status().name())
                .put("reasonCode", request.reasonCode().name())
                .put("createdAt", request.createdAt().getEpochSecond())
                .put("updatedAt", request.updatedAt().getEpochSecond());
        putIfPresent(output, "description", request.description());
        putIfPresent(output, "statusMessage", request.statusMessage());
        output.remove(List.of(notInShape));
        return output;
    }

    JsonNode sendPaymentRequest(OfferdeskPrincipal caller, AwsInput input) {
        var sent = payments.send(
                caller,
                input.string("agreementId"),
                new PaymentRequests.Send(
                        input.string("termId"),
                        input.string("name"),
                        input.optionalString("description"),
                        input.string("chargeAmount")));
        return paymentRequest(sent, "statusMessage", "updatedAt", "chargeId");
    }

    JsonNode listPaymentRequests(OfferdeskPrincipal caller, AwsInput input) {
        var partyType = partyType(input.string("partyType"));
        var offset = offset(input);
        var limit = maxResults(input);
        var page = payments.list(
                caller,
                new PaymentRequests.Filter(
                        partyType, input.optionalString("agreementId"), input.optionalString("status")),
                offset,
                limit);
        return page(
                page.requests(),
                request -> paymentRequest(request, "statusMessage", "description"),
                offset,
                limit,
                page.more());
    }

    /** The request, when it belongs to the agreement the input names; otherwise it is not found, as AWS has it. */
    private PaymentRequest paymentRequestOf(OfferdeskPrincipal caller, AwsInput input) {
        var id = input.string("paymentRequestId");
        var request = payments.request(caller, id);
        requireOfAgreement(input, request.agreementId().value(), "payment-request", id);
        return request;
    }

    /** The request with the members the operation's output shape has: each leaves out some of them. */
    private ObjectNode paymentRequest(PaymentRequest request, String... notInShape) {
        var output = json.createObjectNode()
                .put("paymentRequestId", request.id().value())
                .put("agreementId", request.agreementId().value())
                .put("status", request.status().name())
                .put("name", request.name())
                .put("chargeAmount", TermWire.decimal(request.chargeAmount().getAmount()))
                .put("currencyCode", request.chargeAmount().getCurrencyUnit().getCode())
                .put("createdAt", request.createdAt().getEpochSecond())
                .put("updatedAt", request.updatedAt().getEpochSecond());
        putIfPresent(output, "description", request.description());
        putIfPresent(output, "statusMessage", request.statusMessage());
        if (request.chargeId() != null) {
            output.put("chargeId", ChargeIds.wire(request.chargeId()));
        }
        output.remove(List.of(notInShape));
        return output;
    }

    /** The agreement as {@code AgreementViewSummary} (and the common part of {@code DescribeAgreementOutput}). */
    private ObjectNode summary(Agreement agreement) {
        var output = json.createObjectNode()
                .put("agreementId", agreement.id().value())
                .put("acceptanceTime", agreement.acceptanceTime().getEpochSecond())
                .put("startTime", agreement.startTime().getEpochSecond());
        if (agreement.endTime() != null) {
            output.put("endTime", agreement.endTime().getEpochSecond());
        }
        output.put("agreementType", Agreement.TYPE);
        output.putObject("acceptor")
                .put("accountId", agreement.acceptorAccountId().value());
        output.putObject("proposer")
                .put("accountId", agreement.proposerAccountId().value());
        var proposal = output.putObject("proposalSummary");
        proposal.putArray("resources")
                .addObject()
                .put("id", agreement.productId())
                .put("type", Entitlement.resourceType(agreement.productType()));
        proposal.put("offerId", agreement.offerId());
        putIfPresent(proposal, "offerSetId", agreement.offerSetId());
        output.put("status", agreement.status().wireName());
        return output;
    }

    /**
     * SearchAgreements' filters as the module's filter; {@code null} when a filter asks for what Offerdesk never has
     * (another agreement type), which matches nothing.
     */
    private @Nullable AgreementFilter filter(OfferdeskPrincipal caller, AwsInput input) {
        var values = new HashMap<String, String>();
        for (var filter : input.list("filters", f -> Map.entry(f.string("name"), f.strings("values")))) {
            if (filter.getValue().size() != 1) {
                throw validation("INVALID_FILTER_VALUES", filter.getKey(), "A filter takes exactly one value.");
            }
            values.put(filter.getKey(), filter.getValue().getFirst());
        }
        var supported = Set.of(
                "PartyType",
                "AgreementType",
                "ResourceIdentifier",
                "ResourceType",
                "OfferId",
                "Status",
                "AcceptorAccountId",
                "BeforeStartTime",
                "AfterStartTime",
                "BeforeEndTime",
                "AfterEndTime");
        for (var name : values.keySet()) {
            if (!supported.contains(name)) {
                throw validation("INVALID_FILTER_NAME", name, "Unknown filter " + name + ".");
            }
        }
        var agreementType = values.get("AgreementType");
        ProductType productType = null;
        if (values.containsKey("ResourceType")) {
            productType = Arrays.stream(ProductType.values())
                    .filter(t -> Entitlement.resourceType(t).equals(values.get("ResourceType")))
                    .findFirst()
                    .orElse(null);
            if (productType == null) {
                return null;
            }
        }
        if (agreementType != null && !agreementType.equals(Agreement.TYPE)) {
            return null;
        }
        var partyType = values.containsKey("PartyType")
                ? partyType(values.get("PartyType"))
                : caller.partyKind() == PartyKind.BUYER ? PartyType.ACCEPTOR : PartyType.PROPOSER;
        var sort = input.structureOrNull("sort");
        var sortBy = AgreementFilter.Sort.END_TIME;
        var ascending = true;
        if (sort != null) {
            var by = sort.optionalString("sortBy");
            if (by != null) {
                sortBy = switch (by) {
                    case "EndTime" -> AgreementFilter.Sort.END_TIME;
                    case "StartTime" -> AgreementFilter.Sort.START_TIME;
                    case "LastUpdateTime" -> AgreementFilter.Sort.LAST_UPDATE_TIME;
                    default ->
                        throw validation("INVALID_SORT_BY", "sortBy", "Sort by EndTime, StartTime or LastUpdateTime.");
                };
            }
            var order = sort.optionalString("sortOrder");
            if (order != null && !order.equals("ASCENDING") && !order.equals("DESCENDING")) {
                throw validation("INVALID_SORT_ORDER", "sortOrder", "Sort ASCENDING or DESCENDING.");
            }
            ascending = !"DESCENDING".equals(order);
        }
        return new AgreementFilter(
                partyType,
                values.get("ResourceIdentifier"),
                productType,
                values.get("OfferId"),
                values.get("Status"),
                values.get("AcceptorAccountId"),
                null,
                time(values, "AfterStartTime"),
                time(values, "BeforeStartTime"),
                time(values, "AfterEndTime"),
                time(values, "BeforeEndTime"),
                sortBy,
                ascending);
    }

    private static @Nullable Instant time(Map<String, String> values, String name) {
        var value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException unreadable) {
            throw validation("INVALID_FILTER_VALUES", name, "Expected an ISO 8601 time such as 2026-01-31T00:00:00Z.");
        }
    }

    /** AWS writes {@code Proposer} / {@code Acceptor} in filters and {@code PROPOSER} / {@code ACCEPTOR} in lists. */
    private static PartyType partyType(String value) {
        return Arrays.stream(PartyType.values())
                .filter(t -> t.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> validation("INVALID_PARTY_TYPE", "partyType", "Use Proposer or Acceptor."));
    }

    private static RequestedTerm requestedTerm(AwsInput term) {
        var configuration = term.structureOrNull("configuration");
        TermConfiguration chosen = null;
        if (configuration != null) {
            var contract = configuration.structureOrNull("configurableUpfrontPricingTermConfiguration");
            var renewal = configuration.structureOrNull("renewalTermConfiguration");
            var variable = configuration.structureOrNull("variablePaymentTermConfiguration");
            if (contract != null) {
                chosen = new TermConfiguration.ContractConfiguration(
                        period(contract.string("selectorValue")),
                        contract.requiredList(
                                "dimensions",
                                d -> new TermConfiguration.DimensionQuantity(
                                        d.string("dimensionKey"), Math.toIntExact(d.integer("dimensionValue")))));
            } else if (renewal != null) {
                chosen = new TermConfiguration.RenewalConfiguration(renewal.bool("enableAutoRenew"));
            } else if (variable != null) {
                var strategy = variable.string("paymentRequestApprovalStrategy");
                var duration = variable.optionalString("expirationDuration");
                chosen = new TermConfiguration.VariablePaymentConfiguration(
                        Arrays.stream(PaymentRequestApprovalStrategy.values())
                                .filter(s -> s.name().equals(strategy))
                                .findFirst()
                                .orElseThrow(() -> validation(
                                        "INVALID_REQUESTED_TERM_CONFIGURATION",
                                        "paymentRequestApprovalStrategy",
                                        "Unknown strategy " + strategy + ".")),
                        duration == null ? null : period(duration));
            }
        }
        return new RequestedTerm(term.string("id"), chosen);
    }

    private static Period period(String value) {
        try {
            return Period.parse(value);
        } catch (DateTimeParseException unreadable) {
            throw validation(
                    "INVALID_REQUESTED_TERM_CONFIGURATION", "configuration", "Expected an ISO 8601 period: " + value);
        }
    }

    /** Pages are positions in the result, carried as an opaque base64 token as AWS's are. */
    private static int offset(AwsInput input) {
        try {
            return OffsetTokens.offset(input.optionalString("nextToken"));
        } catch (IllegalArgumentException unreadable) {
            throw validation("INVALID_NEXT_TOKEN", "nextToken", "The token is not one this service gave.");
        }
    }

    private static int maxResults(AwsInput input) {
        var max = input.integer("maxResults", MAX_RESULTS);
        if (max < 1 || max > MAX_RESULTS) {
            throw validation("INVALID_MAX_RESULTS", "maxResults", "maxResults is 1 to " + MAX_RESULTS + ".");
        }
        return (int) max;
    }

    /** A list output: {@code items}, each written by {@code item}, and the token of the next page when there is one. */
    private <T> ObjectNode page(List<T> page, Function<T, ObjectNode> item, int offset, int limit, boolean more) {
        var output = json.createObjectNode();
        var items = output.putArray("items");
        page.forEach(element -> items.add(item.apply(element)));
        OffsetTokens.next(output, offset, limit, more);
        return output;
    }

    /** A request of another agreement than the one the input names is not found, as AWS has it. */
    private static void requireOfAgreement(AwsInput input, String agreementId, String type, String id) {
        if (!agreementId.equals(input.string("agreementId"))) {
            throw new NotFound(type, id);
        }
    }

    @Override
    public AwsError translate(String operation, RuntimeException failure) {
        return switch (failure) {
            case InvalidInput invalid -> {
                var violation = invalid.violations().getFirst();
                yield validation(reason(violation.code()), violation.field(), errors.message(violation));
            }
            case NotFound missing ->
                new AwsError(
                                "ResourceNotFoundException",
                                404,
                                "No " + missing.entityType() + " " + missing.entityId() + " found.")
                        .with("resourceId", text(missing.entityId()))
                        .with("resourceType", text(RESOURCE_TYPES.getOrDefault(missing.entityType(), "Agreement")));
            case Conflict conflict
            when REASONS.contains(reason(conflict.code())) ->
                validation(
                        reason(conflict.code()),
                        "agreementId",
                        errors.message(conflict.code(), conflict.arguments().toArray()));
            case Conflict conflict ->
                new AwsError(
                        "ConflictException",
                        409,
                        errors.message(conflict.code(), conflict.arguments().toArray()));
            case Agreements.PurchaseDenied denied ->
                new AwsError(
                                "AccessDeniedException",
                                403,
                                errors.message("agreement.DENIED_BY_PRIVATE_MARKETPLACE_POLICY"))
                        .with("reason", text("DENIED_BY_PRIVATE_MARKETPLACE_POLICY"));
            case AccessDeniedException denied ->
                new AwsError("AccessDeniedException", 403, "Your roles do not allow " + operation + ".")
                        .with("reason", text("INVALID_ACCESS"));
            default -> new AwsError("InternalServerException", 500, "An internal error occurred.");
        };
    }

    /** The {@code ValidationExceptionReason} a message key names ({@code agreement.<REASON>}), else OTHER. */
    private static String reason(String messageKey) {
        var name = messageKey.substring(messageKey.indexOf('.') + 1);
        return REASONS.contains(name) ? name : "OTHER";
    }

    /** Offerdesk's own refusal reasons are not in the model's enum; they travel as OTHER with their message. */
    private static boolean modeledReason(String name) {
        return !Set.of("RENEWAL_LOCKOUT_PERIOD", "OFFER_IN_OFFER_SET", "OFFER_SET_MEMBER_REFUSED")
                .contains(name);
    }

    private static AwsError validation(String reason, String field, String message) {
        var fields = JsonNodeFactory.instance.arrayNode();
        fields.addObject().put("name", field).put("message", message);
        return AwsError.validation(message).with("reason", text(reason)).with("fields", fields);
    }

    private static JsonNode text(String value) {
        return JsonNodeFactory.instance.stringNode(value);
    }

    private static void putIfPresent(ObjectNode node, String member, @Nullable String value) {
        if (value != null) {
            node.put(member, value);
        }
    }
}
