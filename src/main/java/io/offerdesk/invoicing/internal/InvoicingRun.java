package io.offerdesk.invoicing.internal;

import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceLine;
import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.invoicing.events.InvoicesIssued;
import io.offerdesk.invoicing.events.InvoicingRunCompleted;
import io.offerdesk.invoicing.internal.Run.Status;
import io.offerdesk.invoicing.internal.domain.BillingTerms;
import io.offerdesk.invoicing.internal.domain.InvoiceDraft;
import io.offerdesk.invoicing.internal.domain.InvoiceDrafts;
import io.offerdesk.invoicing.internal.domain.InvoiceGroup;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.JournalEntry;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.Posting;
import io.offerdesk.platform.ConnectionPool;
import io.offerdesk.platform.DueWork;
import io.offerdesk.platform.LongStatements;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.RandomIds;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The invoicing run (ADR 0014): puts the waiting due charges on invoices, one per buyer account, seller of record,
 * currency and invoice date, numbered without gaps, each posted to the ledger as {@code invoice:<id>}. It works in
 * batches of whole groups, each batch one transaction that claims its charges ({@code FOR UPDATE SKIP LOCKED}), so
 * several nodes may run at once, a crash loses only the open batch, and a rerun finds exactly the charges not yet
 * invoiced. It runs after every other due work at the same instant, which may make charges due. It keeps to its share
 * of the node's connection pool (ADR 0047's amendment): a batch's commit starts listeners of other modules that take connections
 * of their own, and a run that wrote faster than they finish would queue them for the pool until every caller timed
 * out.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class InvoicingRun implements DueWork {

    static final Actor CLOCK = Actor.system("Invoicing run");

    private static final Logger log = LoggerFactory.getLogger(InvoicingRun.class);
    private static final String ID_PREFIX = "inv-";
    private static final int ID_LENGTH = 17;
    /** How often a run that waits for room in the pool looks again: a batch takes far longer than this. */
    private static final Duration ROOM_POLL = Duration.ofMillis(20);

    private final ChargeRepository charges;
    private final InvoiceRepository invoices;
    private final InvoiceNumbers numbers;
    private final BuyerProfileRepository profiles;
    private final TaxRateRepository taxRates;
    private final RunRepository runs;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final InvoicingSettings settings;
    private final ConnectionPool pool;
    private final LongStatements longStatements;
    private final Clock clock;
    private final String node;

    InvoicingRun(
            ChargeRepository charges,
            InvoiceRepository invoices,
            InvoiceNumbers numbers,
            BuyerProfileRepository profiles,
            TaxRateRepository taxRates,
            RunRepository runs,
            Ledger ledger,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            InvoicingSettings settings,
            ConnectionPool pool,
            LongStatements longStatements,
            Clock clock) {
        this.charges = charges;
        this.invoices = invoices;
        this.numbers = numbers;
        this.profiles = profiles;
        this.taxRates = taxRates;
        this.runs = runs;
        this.ledger = ledger;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        this.pool = pool;
        this.longStatements = longStatements;
        this.clock = clock;
        this.node = nodeName();
    }

    /** A run this host's earlier process left running will never end: it is shown as failed. */
    @EventListener(ApplicationReadyEvent.class)
    void closeInterruptedRuns() {
        var closed = runs.closeInterrupted(host(), node, clock.instant());
        if (closed > 0) {
            log.warn("Closed {} invoicing runs that an earlier process on this host left running", closed);
        }
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        return charges.nextDueAfter(after);
    }

    @Override
    public void runDue(Instant now) {
        if (charges.anyDue(now)) {
            process(start(now, null), CLOCK, settings.batchSize());
        }
    }

    /**
     * Records a run of the charges due at or before {@code dueUntil}, with how many wait, ready for {@link #process}.
     *
     * @param startedBy who started it, absent for the clock
     */
    Run start(Instant dueUntil, @Nullable Actor startedBy) {
        return java.util.Objects.requireNonNull(transactions.execute(status -> {
            var run = new Run(
                    RandomIds.of("run-", ID_LENGTH, ThreadLocalRandom.current()),
                    Status.RUNNING,
                    dueUntil,
                    clock.instant(),
                    null,
                    charges.countDue(dueUntil),
                    0,
                    0,
                    node,
                    startedBy == null ? null : startedBy.name(),
                    null);
            runs.insert(run);
            return run;
        }));
    }

    /**
     * Invoices the run's charges batch by batch, then records it completed, or failed when a batch fails. Several
     * workers claim batches at once, as several nodes would, so that one claims and drafts while another writes; no
     * more than the run's share of the pool, and each starts a batch only when the pool has room in that share.
     */
    void process(Run run, Actor actor, int batchSize) {
        try {
            var rates = taxRates.all().stream().collect(Collectors.toMap(TaxRate::country, TaxRate::ratePercent));
            var failures = new ArrayList<RuntimeException>();
            var share = poolShare();
            try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
                var done = new ArrayList<Future<?>>();
                for (int w = 0; w < Math.min(settings.runWorkers(), share); w++) {
                    done.add(workers.submit(() -> {
                        InvoiceGroup after = null;
                        do {
                            awaitRoom(share);
                            after = batch(run, rates, after, batchSize);
                        } while (after != null);
                    }));
                }
                for (var worker : done) {
                    try {
                        worker.get();
                    } catch (ExecutionException failed) {
                        failures.add(
                                failed.getCause() instanceof RuntimeException r
                                        ? r
                                        : new IllegalStateException(failed.getCause()));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        failures.add(new IllegalStateException("interrupted", interrupted));
                    }
                }
            }
            if (!failures.isEmpty()) {
                throw failures.getFirst();
            }
            transactions.executeWithoutResult(status -> {
                var finished = clock.instant();
                runs.finish(run.id(), Status.COMPLETED, finished, null);
                var done = runs.find(run.id()).orElseThrow();
                events.publishEvent(new InvoicingRunCompleted(
                        run.id(), run.dueUntil(), done.chargesDone(), done.invoices(), actor, finished));
            });
        } catch (RuntimeException failure) {
            log.error("Invoicing run {} failed", run.id(), failure);
            transactions.executeWithoutResult(
                    status -> runs.finish(run.id(), Status.FAILED, clock.instant(), String.valueOf(failure)));
            throw failure;
        }
    }

    /** The connections of this node's pool that its runs, and the listeners their batches start, may keep busy. */
    int poolShare() {
        return Math.max(1, pool.maximumSize() * settings.runPoolPercent() / 100);
    }

    /**
     * Waits until less than the run's share of the pool is taken, by anything: requests, another run on this node, and
     * the listeners of earlier batches, which take connections on threads of their own after each commit. So the run
     * goes as fast as they finish instead of queueing them for the pool; it may go over its share by what the batches
     * its workers start at once take, never by a backlog.
     */
    private void awaitRoom(int share) {
        while (pool.busy() >= share) {
            try {
                Thread.sleep(ROOM_POLL);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for room in the pool", interrupted);
            }
        }
    }

    /**
     * Invoices one batch of whole groups after {@code after} in one transaction. The invoice numbers are taken last,
     * just before the invoices are written: their lock is held until the commit, and whatever comes before it another
     * worker or node can do at the same time.
     *
     * @return the batch's last group, from where the next batch goes on; absent when nothing was left
     */
    private @Nullable InvoiceGroup batch(
            Run run, Map<String, BigDecimal> rates, @Nullable InvoiceGroup after, int batchSize) {
        return transactions.execute(status -> {
            // A batch waits for the invoice numbers' lock while other workers and nodes hold it for their own batches;
            // under load that wait alone may outlast the default statement timeout.
            longStatements.allowInThisTransaction();
            var claimed = charges.claim(run.dueUntil(), after, batchSize);
            if (claimed.isEmpty()) {
                return null;
            }
            var buyers = new HashSet<UUID>();
            claimed.forEach(c -> buyers.add(c.buyerPartyId()));
            var found = profiles.findAll(buyers);
            var drafts = InvoiceDrafts.draft(claimed, buyer -> terms(found.get(buyer), rates));
            var issuedAt = clock.instant();
            var ids = new String[drafts.size()];
            var totals = new Long[drafts.size()];
            var lines = new ArrayList<List<InvoiceLine>>(drafts.size());
            var linesById = new ArrayList<Map.Entry<String, InvoiceLine>>(claimed.size());
            var invoiced = new ArrayList<ChargeRepository.Invoiced>(claimed.size());
            var entries = new ArrayList<JournalEntry>(drafts.size());
            var random = ThreadLocalRandom.current();
            for (int i = 0; i < drafts.size(); i++) {
                var draft = drafts.get(i);
                var id = RandomIds.of(ID_PREFIX, ID_LENGTH, random);
                ids[i] = id;
                totals[i] = draft.total().getAmountMinorLong();
                var invoiceLines = lines(draft);
                lines.add(invoiceLines);
                invoiceLines.forEach(l -> linesById.add(Map.entry(id, l)));
                draft.lines()
                        .forEach(l -> invoiced.add(new ChargeRepository.Invoiced(
                                l.charge().agreementId(), l.charge().chargeId(), id)));
                entries.add(entry(id, draft, issuedAt));
            }
            // Everything but the invoices themselves first: the numbers' lock, taken next, is held until the commit.
            invoices.insertLines(linesById);
            invoices.insertBalances(ids, totals);
            ledger.postAll(entries);
            charges.markInvoiced(invoiced);
            var first = numbers.next(settings.entity(), drafts.size());
            var issued = new ArrayList<Invoice>(drafts.size());
            var summaries = new ArrayList<InvoicesIssued.Issued>(drafts.size());
            for (int i = 0; i < drafts.size(); i++) {
                var invoice = invoice(drafts.get(i), ids[i], first + i, issuedAt, lines.get(i));
                issued.add(invoice);
                summaries.add(summary(invoice));
            }
            invoices.insertHeads(issued);
            runs.progress(run.id(), claimed.size(), issued.size());
            events.publishEvent(new InvoicesIssued(run.id(), summaries, issuedAt));
            return claimed.getLast().group();
        });
    }

    private BillingTerms terms(@Nullable BillingProfile profile, Map<String, BigDecimal> rates) {
        var country = profile == null ? null : profile.country();
        var days = profile == null || profile.defaultNetPaymentDays() == null
                ? settings.defaultNetPaymentDays()
                : profile.defaultNetPaymentDays();
        return new BillingTerms(country, country == null ? null : rates.get(country), days);
    }

    private static List<InvoiceLine> lines(InvoiceDraft draft) {
        return draft.lines().stream()
                .map(l -> {
                    var c = l.charge();
                    return new InvoiceLine(
                            l.lineNo(),
                            c.agreementId(),
                            c.chargeId(),
                            c.offerId(),
                            c.productId(),
                            c.publisherPartyId(),
                            l.description(),
                            c.amount(),
                            c.wholesaleAmount(),
                            l.tax(),
                            c.purchaseOrderReference(),
                            c.allocationTags());
                })
                .toList();
    }

    private Invoice invoice(InvoiceDraft draft, String id, long number, Instant issuedAt, List<InvoiceLine> lines) {
        return new Invoice(
                id,
                InvoiceType.INVOICE,
                settings.entity(),
                number,
                draft.buyerPartyId(),
                draft.group().buyerAccountId(),
                draft.group().sellerPartyId(),
                draft.group().invoiceDate(),
                issuedAt,
                draft.dueDate(),
                draft.subtotal(),
                draft.tax(),
                draft.total(),
                draft.taxCountry(),
                draft.taxRate(),
                null,
                lines);
    }

    /** Dr the buyer's receivable the total; Cr clearing the subtotal and tax payable the tax (when there is any). */
    static JournalEntry entry(String invoiceId, InvoiceDraft invoice, Instant issuedAt) {
        var currency = invoice.total().getCurrencyUnit();
        var receivable = new LedgerAccount(invoice.buyerPartyId(), AccountRole.BUYER_RECEIVABLE, currency);
        var postings = new ArrayList<Posting>(2);
        postings.add(new Posting(
                receivable, LedgerAccount.marketplace(AccountRole.MARKETPLACE_CLEARING, currency), invoice.subtotal()));
        if (invoice.tax().isPositive()) {
            postings.add(new Posting(
                    receivable, LedgerAccount.marketplace(AccountRole.TAX_PAYABLE, currency), invoice.tax()));
        }
        return new JournalEntry("invoice:" + invoiceId, "INVOICE_ISSUED", invoiceId, issuedAt, postings);
    }

    private static InvoicesIssued.Issued summary(Invoice invoice) {
        return new InvoicesIssued.Issued(
                invoice.id(),
                invoice.buyerPartyId(),
                invoice.sellerPartyId(),
                invoice.total().getCurrencyUnit().getCode());
    }

    /** Which node ran a run, for the operator's list: host and process. */
    private static String nodeName() {
        return host() + ":" + ProcessHandle.current().pid();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "unknown-host";
        }
    }
}
