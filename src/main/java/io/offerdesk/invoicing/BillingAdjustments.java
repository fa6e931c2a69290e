package io.offerdesk.invoicing;

import io.offerdesk.invoicing.BillingAdjustmentRequest.Status;
import io.offerdesk.invoicing.events.BillingAdjustmentRequested;
import io.offerdesk.invoicing.internal.BillingAdjustmentCompletion;
import io.offerdesk.invoicing.internal.BillingAdjustmentRepository;
import io.offerdesk.invoicing.internal.CollectionRepository;
import io.offerdesk.invoicing.internal.domain.AdjustmentEntries;
import io.offerdesk.invoicing.internal.domain.AdjustmentEntries.Checked;
import io.offerdesk.invoicing.internal.domain.AdjustmentEntries.InvoiceFacts;
import io.offerdesk.invoicing.internal.domain.AdjustmentEntries.Outcome;
import io.offerdesk.invoicing.internal.domain.CreditMemos;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.RandomIds;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing adjustments (refunds), as AWS's {@code BatchCreateBillingAdjustmentRequest}, {@code
 * GetBillingAdjustmentRequest} and {@code ListBillingAdjustmentRequests} (ADR 0017). The seller of record of an invoice
 * asks to give back an amount of one agreement's part of it; a request is accepted as PENDING and completed right after
 * by a credit memo ({@link BillingAdjustmentCompletion}): what the buyer still owed is credited, what the buyer paid is
 * refunded, and the payees give back their share of it.
 *
 * <p>Each entry of a batch stands alone: a bad one is reported with its client token and the good ones are accepted.
 * The same client token with the same content is the same request (answered again, not made twice); with other
 * content it is a conflict. Requests are the seller's and the operator's to read; anyone else is told they do not
 * exist.
 */
@Service
public class BillingAdjustments {

    /** AWS's {@code MaxResults} of the List operation. */
    public static final int PAGE_MAX = 50;

    /** AWS's {@code BillingAdjustmentErrorCode}. */
    public enum ErrorCode {
        CONFLICT_EXCEPTION,
        VALIDATION_EXCEPTION,
        RESOURCE_NOT_FOUND_EXCEPTION,
        INTERNAL_FAILURE
    }

    /** An accepted entry: the request it made (or had made before, with the same token). */
    public record Created(String billingAdjustmentRequestId, String clientToken) {}

    /**
     * A refused entry.
     *
     * @param clientToken as the entry gave it, absent when it gave none
     * @param violations which fields broke which rules
     */
    public record Failure(ErrorCode code, @Nullable String clientToken, List<FieldViolation> violations) {
        public Failure {
            violations = List.copyOf(violations);
        }
    }

    public record Batch(List<Created> items, List<Failure> errors) {
        public Batch {
            items = List.copyOf(items);
            errors = List.copyOf(errors);
        }
    }

    /** The filters of {@code ListBillingAdjustmentRequests}, and the invoice for an invoice's page. */
    public record Filter(
            @Nullable String agreementId,
            @Nullable String status,
            @Nullable Instant createdAfter,
            @Nullable Instant createdBefore,
            @Nullable String originalInvoiceId) {

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    public record Page(List<BillingAdjustmentRequest> requests, boolean more) {
        public Page {
            requests = List.copyOf(requests);
        }
    }

    private final Invoices invoices;
    private final BillingAdjustmentRepository requests;
    private final CollectionRepository balances;
    private final BillingAdjustmentCompletion completion;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    BillingAdjustments(
            Invoices invoices,
            BillingAdjustmentRepository requests,
            CollectionRepository balances,
            BillingAdjustmentCompletion completion,
            ApplicationEventPublisher events,
            Clock clock) {
        this.invoices = invoices;
        this.requests = requests;
        this.balances = balances;
        this.completion = completion;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Accepts the entries that pass, each as a PENDING request, and reports the others; the accepted ones are
     * completed once this transaction commits.
     *
     * @throws InvalidInput {@code billingAdjustmentRequestEntries} for no entries or more than {@link
     *     AdjustmentEntries#BATCH_MAX}
     * @throws AccessDeniedException for anyone but a seller's or channel partner's administrators and finance users
     */
    @Transactional
    public Batch create(OfferdeskPrincipal me, List<BillingAdjustmentEntry> entries) {
        if (!mayRequest(me)) {
            throw new AccessDeniedException("only a seller's administrators and finance users adjust its invoices");
        }
        if (entries.isEmpty() || entries.size() > AdjustmentEntries.BATCH_MAX) {
            throw new InvalidInput(
                    "billingAdjustmentRequestEntries", "adjustment.batchSize", 1, AdjustmentEntries.BATCH_MAX);
        }
        // Requests against one invoice are decided one after the other, each seeing the others: the invoices' balances
        // are locked first, in one order, so that two batches naming the same invoices never deadlock.
        entries.stream()
                .map(BillingAdjustmentEntry::originalInvoiceId)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .forEach(balances::lockBalance);
        var items = new ArrayList<Created>();
        var errors = new ArrayList<Failure>();
        var made = new ArrayList<String>();
        for (var entry : entries) {
            switch (AdjustmentEntries.check(entry)) {
                case Outcome.Invalid invalid ->
                    errors.add(new Failure(ErrorCode.VALIDATION_EXCEPTION, entry.clientToken(), invalid.violations()));
                case Outcome.Valid valid -> {
                    var checked = valid.entry();
                    var earlier = requests.findByToken(me.partyId(), checked.clientToken());
                    if (earlier.isPresent()) {
                        errors.addAll(replay(checked, earlier.get(), items));
                        continue;
                    }
                    accept(me, checked, made, items, errors);
                }
            }
        }
        completion.completeAfterCommit(made);
        return new Batch(items, errors);
    }

    /** One request, for its seller of record or the operator ({@code GetBillingAdjustmentRequest}). */
    @Transactional(readOnly = true)
    public BillingAdjustmentRequest request(OfferdeskPrincipal me, String requestId) {
        return requests.find(requestId)
                .filter(r -> me.isOperator() || r.sellerPartyId().equals(me.partyId()))
                .orElseThrow(() -> new NotFound("billing-adjustment-request", requestId));
    }

    /** The seller's requests (every seller's, for the operator), newest first ({@code ListBillingAdjustmentRequests}). */
    @Transactional(readOnly = true)
    public Page list(OfferdeskPrincipal me, Filter filter, int offset, int limit) {
        Validations.checkPage(offset, limit, PAGE_MAX);
        if (!(me.isOperator() || me.partyKind() == PartyKind.SELLER || me.partyKind() == PartyKind.CHANNEL_PARTNER)) {
            return new Page(List.of(), false);
        }
        var found = requests.list(
                new BillingAdjustmentRepository.Search(
                        me.isOperator() ? null : me.partyId(),
                        filter.agreementId(),
                        filter.originalInvoiceId(),
                        status(filter.status()),
                        filter.createdAfter(),
                        filter.createdBefore()),
                offset,
                limit + 1);
        return new Page(found.stream().limit(limit).toList(), found.size() > limit);
    }

    /**
     * What the seller of record may still ask to credit of the agreement's part of the invoice: what its lines have
     * left less what pending requests ask for. Empty for an invoice the caller may not adjust.
     */
    @Transactional(readOnly = true)
    public Optional<Money> adjustable(OfferdeskPrincipal me, String invoiceId, String agreementId) {
        return ownInvoice(me, invoiceId)
                .filter(i -> mayRequest(me) && i.type() == InvoiceType.INVOICE)
                .map(i -> adjustable(i, agreementId));
    }

    /** Whether the caller may ask for billing adjustments: a seller's or channel partner's administrator or finance. */
    public boolean mayRequest(OfferdeskPrincipal me) {
        return (me.partyKind() == PartyKind.SELLER || me.partyKind() == PartyKind.CHANNEL_PARTNER)
                && (me.has(Role.ADMIN) || me.has(Role.FINANCE));
    }

    private void accept(
            OfferdeskPrincipal me, Checked entry, List<String> made, List<Created> items, List<Failure> errors) {
        var invoice = ownInvoice(me, entry.originalInvoiceId()).orElse(null);
        if (invoice == null) {
            errors.add(new Failure(
                    ErrorCode.RESOURCE_NOT_FOUND_EXCEPTION,
                    entry.clientToken(),
                    List.of(FieldViolation.of(
                            "originalInvoiceId", "adjustment.invoiceNotFound", entry.originalInvoiceId()))));
            return;
        }
        var agreements = new HashSet<String>();
        invoice.lines().forEach(l -> agreements.add(l.agreementId()));
        var facts = new InvoiceFacts(
                invoice.total().getCurrencyUnit(),
                invoice.type() == InvoiceType.CREDIT_MEMO,
                agreements,
                agreements.contains(entry.agreementId()) ? adjustable(invoice, entry.agreementId()) : zero(invoice));
        var violations = AdjustmentEntries.against(entry, facts);
        if (!violations.isEmpty()) {
            errors.add(new Failure(ErrorCode.VALIDATION_EXCEPTION, entry.clientToken(), violations));
            return;
        }
        var now = clock.instant();
        var request = new BillingAdjustmentRequest(
                RandomIds.of("ba-", 25, random),
                entry.clientToken(),
                invoice.sellerPartyId(),
                invoice.buyerPartyId(),
                entry.agreementId(),
                invoice.id(),
                AdjustmentEntries.money(entry, invoice.total().getCurrencyUnit()),
                entry.reasonCode(),
                entry.description(),
                Status.PENDING,
                null,
                null,
                now,
                now);
        if (!requests.insert(request, me.actor())) {
            // Another call took the token meanwhile: answer as for a repeat.
            var taken = requests.findByToken(me.partyId(), entry.clientToken()).orElseThrow();
            errors.addAll(replay(entry, taken, items));
            return;
        }
        made.add(request.id());
        items.add(new Created(request.id(), request.clientToken()));
        events.publishEvent(new BillingAdjustmentRequested(
                request.id(),
                invoice.id(),
                request.agreementId(),
                request.sellerPartyId(),
                request.buyerPartyId(),
                request.adjustmentAmount().getCurrencyUnit().getCode(),
                request.adjustmentAmount().getAmount(),
                request.reasonCode().name(),
                me.actor(),
                now));
    }

    /** An entry whose token made a request before: the same request again, or a conflict when it asks for other. */
    private static List<Failure> replay(Checked entry, BillingAdjustmentRequest earlier, List<Created> items) {
        if (entry.sameAs(earlier)) {
            items.add(new Created(earlier.id(), earlier.clientToken()));
            return List.of();
        }
        return List.of(new Failure(
                ErrorCode.CONFLICT_EXCEPTION,
                entry.clientToken(),
                List.of(FieldViolation.of(
                        "clientToken", "adjustment.tokenReused", entry.clientToken(), earlier.id()))));
    }

    /** What the agreement's lines of the invoice have left to credit, less what pending requests ask for. */
    private Money adjustable(Invoice invoice, String agreementId) {
        var left = CreditMemos.adjustable(
                invoice.total().getCurrencyUnit(), completion.originalLines(invoice), agreementId);
        var pending = Money.ofMinor(left.getCurrencyUnit(), requests.pendingMinor(invoice.id(), agreementId));
        return pending.isGreaterThan(left) ? zero(invoice) : left.minus(pending);
    }

    /** The invoice if the caller is its seller of record. */
    private Optional<Invoice> ownInvoice(OfferdeskPrincipal me, String invoiceId) {
        return invoices.find(invoiceId).filter(i -> i.sellerPartyId().equals(me.partyId()));
    }

    private static Money zero(Invoice invoice) {
        return Money.zero(invoice.total().getCurrencyUnit());
    }

    private static @Nullable Status status(@Nullable String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(Status.values())
                .filter(s -> s.name().equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInput("status", "validation.enum", Arrays.toString(Status.values())));
    }
}
