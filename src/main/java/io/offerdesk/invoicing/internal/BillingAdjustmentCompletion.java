package io.offerdesk.invoicing.internal;

import io.offerdesk.invoicing.BillingAdjustmentRequest;
import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceLine;
import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.invoicing.Invoices;
import io.offerdesk.invoicing.events.BillingAdjustmentCompleted;
import io.offerdesk.invoicing.events.BillingAdjustmentFailed;
import io.offerdesk.invoicing.events.CreditMemoIssued;
import io.offerdesk.invoicing.internal.BillingAdjustmentRepository.Requested;
import io.offerdesk.invoicing.internal.domain.CreditMemoEntries;
import io.offerdesk.invoicing.internal.domain.CreditMemos;
import io.offerdesk.invoicing.internal.domain.CreditMemos.CreditedLine;
import io.offerdesk.invoicing.internal.domain.CreditMemos.Plan;
import io.offerdesk.invoicing.internal.domain.LargestRemainder;
import io.offerdesk.invoicing.internal.domain.SplitReversal;
import io.offerdesk.ledger.JournalEntry;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.Posting;
import io.offerdesk.platform.DueWork;
import io.offerdesk.shared.RandomIds;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.joda.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes billing adjustment requests (ADR 0017): each in a transaction of its own, right after the transaction that
 * accepted it commits, and, for one a crash or failure left pending, at the next run of due work. A request is claimed
 * with {@code FOR UPDATE SKIP LOCKED} and its invoice's balance locked, so however many nodes try, each request is
 * completed once and the credits of one invoice one after the other.
 *
 * <p>Completing issues the credit memo (numbered in the invoices' sequence), books it in the original's balance, posts
 * its ledger entries and announces it, all in that one transaction. A request that asks for more than is left to credit
 * (the checks when it was accepted make that all but impossible) fails instead and credits nothing.
 */
@Component
public class BillingAdjustmentCompletion implements DueWork {

    private static final Logger log = LoggerFactory.getLogger(BillingAdjustmentCompletion.class);
    private static final int BATCH = 100;

    private final BillingAdjustmentRepository requests;
    private final InvoiceRepository invoiceRepository;
    private final CollectionRepository balances;
    private final InvoiceNumbers numbers;
    private final Invoices invoices;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final RandomGenerator random = new SecureRandom();

    BillingAdjustmentCompletion(
            BillingAdjustmentRepository requests,
            InvoiceRepository invoiceRepository,
            CollectionRepository balances,
            InvoiceNumbers numbers,
            Invoices invoices,
            Ledger ledger,
            ApplicationEventPublisher events,
            MessageSource messages,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.requests = requests;
        this.invoiceRepository = invoiceRepository;
        this.balances = balances;
        this.numbers = numbers;
        this.invoices = invoices;
        this.ledger = ledger;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Completes the requests once the current transaction has committed, so the seller sees them completed at once;
     * one that fails here stays pending for the next run of due work.
     */
    public void completeAfterCommit(List<String> requestIds) {
        if (requestIds.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                requestIds.forEach(BillingAdjustmentCompletion.this::completeQuietly);
            }
        });
    }

    /** Nothing waits for a time: pending requests are due at once, and every run of due work looks for them. */
    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        return Optional.empty();
    }

    @Override
    public void runDue(Instant now) {
        var pending = ownTransaction.execute(status -> requests.pending(BATCH));
        if (pending != null) {
            pending.forEach(this::completeQuietly);
        }
    }

    /**
     * Completes the request if it is still pending and no other node is at it.
     *
     * @return the request as it is afterwards; empty when there was nothing to do
     */
    public Optional<BillingAdjustmentRequest> complete(String requestId) {
        return Optional.ofNullable(ownTransaction.execute(
                status -> requests.claimPending(requestId).map(this::complete).orElse(null)));
    }

    private void completeQuietly(String requestId) {
        try {
            complete(requestId);
        } catch (RuntimeException failure) {
            log.error("Billing adjustment request {} stays pending; due work retries it", requestId, failure);
        }
    }

    private BillingAdjustmentRequest complete(Requested claimed) {
        var request = claimed.request();
        var now = clock.instant();
        var original = invoices.find(request.originalInvoiceId()).orElseThrow();
        numbers.hold(original.invoicingEntity());
        var balance = balances.lockBalance(original.id()).orElseThrow().amounts();
        var memos = creditMemos(original.id());
        var lines = CreditMemos.originalLines(original, memos);
        var currency = original.total().getCurrencyUnit();
        var left = CreditMemos.adjustable(currency, lines, request.agreementId());
        if (request.adjustmentAmount().isGreaterThan(left)) {
            return fail(claimed, left, now);
        }
        var standing = SplitReversal.standing(collected(original.id()), reversed(memos));
        var plan =
                CreditMemos.plan(original, lines, balance, standing, request.agreementId(), request.adjustmentAmount());
        var memo = creditMemo(original, plan, now);
        invoiceRepository.insert(List.of(memo));
        requests.credit(original.id(), plan.amount(), plan.refund(), now);
        ledger.postAll(CreditMemoEntries.entries(memo.id(), original.id(), original.buyerPartyId(), plan, now));
        var completed = request.complete(memo.id(), now);
        requests.update(completed);
        events.publishEvent(new CreditMemoIssued(
                memo.id(),
                original.id(),
                memo.invoicingEntity(),
                memo.number(),
                memo.buyerPartyId(),
                memo.buyerAccountId(),
                memo.sellerPartyId(),
                currency.getCode(),
                memo.subtotal().getAmount(),
                memo.tax().getAmount(),
                memo.total().getAmount(),
                plan.refund().getAmount(),
                memo.invoiceDate(),
                memo.agreementIds(),
                claimed.actor(),
                now));
        events.publishEvent(new BillingAdjustmentCompleted(
                completed.id(),
                memo.id(),
                original.id(),
                completed.agreementId(),
                completed.sellerPartyId(),
                completed.buyerPartyId(),
                currency.getCode(),
                completed.adjustmentAmount().getAmount(),
                plan.refund().getAmount(),
                claimed.actor(),
                now));
        return completed;
    }

    private BillingAdjustmentRequest fail(Requested claimed, Money left, Instant now) {
        var request = claimed.request();
        // The status message is part of the API's data, kept in one language like AWS's.
        var message = messages.getMessage(
                "adjustment.failed.exceedsAdjustable",
                new Object[] {
                    request.adjustmentAmount().toString(),
                    request.agreementId(),
                    request.originalInvoiceId(),
                    left.toString()
                },
                Locale.ENGLISH);
        var failed = request.fail(message, now);
        requests.update(failed);
        events.publishEvent(new BillingAdjustmentFailed(
                failed.id(),
                failed.originalInvoiceId(),
                failed.agreementId(),
                failed.sellerPartyId(),
                message,
                claimed.actor(),
                now));
        return failed;
    }

    /** The invoice's lines with what its credit memos gave back of each. */
    public List<CreditMemos.OriginalLine> originalLines(Invoice original) {
        return CreditMemos.originalLines(original, creditMemos(original.id()));
    }

    private List<Invoice> creditMemos(String originalInvoiceId) {
        return requests.creditMemoIds(originalInvoiceId).stream()
                .map(id -> invoices.find(id).orElseThrow())
                .toList();
    }

    /** The postings of the invoice's collection splits. */
    private List<Posting> collected(String invoiceId) {
        var postings = new ArrayList<Posting>();
        for (var application : requests.applicationIds(invoiceId)) {
            ledger.entry("collection:" + application)
                    .map(JournalEntry::postings)
                    .ifPresent(postings::addAll);
        }
        return postings;
    }

    /** The postings of the entries of the invoice's earlier credit memos, whose reversals of the split count. */
    private List<Posting> reversed(List<Invoice> memos) {
        var postings = new ArrayList<Posting>();
        for (var memo : memos) {
            ledger.entry(CreditMemoEntries.creditMemoKey(memo.id()))
                    .map(JournalEntry::postings)
                    .ifPresent(postings::addAll);
        }
        return postings;
    }

    /**
     * The credit memo document: dated today, due at once (nothing is owed on it), taxed as its original, its lines
     * numbered as the original lines they credit; a resold line's wholesale part credited in proportion.
     */
    private Invoice creditMemo(Invoice original, Plan plan, Instant now) {
        var lines = new ArrayList<InvoiceLine>();
        for (CreditedLine credited : plan.lines()) {
            var line = original.lines().stream()
                    .filter(l -> l.lineNo() == credited.lineNo())
                    .findFirst()
                    .orElseThrow();
            var wholesale = line.wholesaleAmount();
            var creditedWholesale = wholesale == null || !line.amount().isPositive()
                    ? wholesale
                    : LargestRemainder.share(credited.amount(), wholesale, line.amount());
            lines.add(new InvoiceLine(
                    line.lineNo(),
                    line.agreementId(),
                    null,
                    line.offerId(),
                    line.productId(),
                    line.publisherPartyId(),
                    line.description(),
                    credited.amount(),
                    creditedWholesale,
                    credited.tax(),
                    line.purchaseOrderReference(),
                    line.allocationTags()));
        }
        var today = now.atZone(ZoneOffset.UTC).toLocalDate();
        return new Invoice(
                RandomIds.of("inv-", 17, random),
                InvoiceType.CREDIT_MEMO,
                original.invoicingEntity(),
                numbers.next(original.invoicingEntity(), 1),
                original.buyerPartyId(),
                original.buyerAccountId(),
                original.sellerPartyId(),
                today,
                now,
                today,
                plan.net(),
                plan.tax(),
                plan.amount(),
                original.taxCountry(),
                original.taxRate(),
                original.id(),
                lines);
    }
}
