package io.offerdesk.invoicing.internal;

import io.offerdesk.disbursement.ListingFees;
import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceLine;
import io.offerdesk.invoicing.Invoices;
import io.offerdesk.invoicing.Payment;
import io.offerdesk.invoicing.events.InvoicePaid;
import io.offerdesk.invoicing.events.PaymentReceived;
import io.offerdesk.invoicing.internal.CollectionRepository.Balance;
import io.offerdesk.invoicing.internal.CollectionRepository.BuyerCurrency;
import io.offerdesk.invoicing.internal.domain.CollectionSplit;
import io.offerdesk.invoicing.internal.domain.PaymentAllocation;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.JournalEntry;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.Posting;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.RandomIds;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the money of collections, in the caller's transaction: a payment is applied to its invoice up to the open
 * amount and the excess becomes the buyer's credit; credit is applied to the buyer's open invoices in that currency,
 * oldest first. Every application posts its collection split (ledger key {@code collection:<application>}): the net
 * part from clearing to the payees of the invoice's lines, and each ISV's listing fee from its payable to the
 * marketplace's fee revenue (ADR 0019); the tax part stays owed to the tax authority.
 *
 * <p>The buyer's credit row for the currency is locked first, then invoice balances: one buyer's payments and credit
 * queue in one order, and two payments of one invoice cannot both take its open amount.
 */
@Component
public class Collecting {

    /** The reference of a payment made with the simulator's "pay". */
    public static final String SIMULATED = "SIMULATED";

    static final String PAYMENT_RECEIVED = "PAYMENT_RECEIVED";
    static final String CREDIT_APPLIED = "CREDIT_APPLIED";
    static final String COLLECTED = "COLLECTED";

    private final CollectionRepository repository;
    private final Invoices invoices;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final ListingFees listingFees;
    private final RandomGenerator random = new SecureRandom();

    Collecting(
            CollectionRepository repository,
            Invoices invoices,
            Ledger ledger,
            ApplicationEventPublisher events,
            ListingFees listingFees) {
        this.repository = repository;
        this.invoices = invoices;
        this.ledger = ledger;
        this.events = events;
        this.listingFees = listingFees;
    }

    /**
     * Receives a payment against the invoice.
     *
     * @throws Conflict {@code collections.nothingOpen} when nothing is open on the invoice
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Payment receive(Invoice invoice, Money amount, String reference, Actor actor, Instant now) {
        return receive(invoice, amount, reference, false, actor, now);
    }

    /** Pays what is open on the invoice, as the simulator's "pay" does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Payment settle(Invoice invoice, Actor actor, Instant now) {
        return receive(invoice, null, SIMULATED, true, actor, now);
    }

    /** @param amount null: whatever is open */
    private Payment receive(
            Invoice invoice, @Nullable Money amount, String reference, boolean simulated, Actor actor, Instant now) {
        var currency = invoice.total().getCurrencyUnit();
        var credit = repository.lockCredit(invoice.buyerPartyId(), currency);
        var balance = repository.lockBalance(invoice.id()).orElseThrow();
        var open = balance.amounts().open();
        if (!open.isPositive()) {
            throw new Conflict("collections.nothingOpen", invoice.id());
        }
        var allocation = PaymentAllocation.of(amount == null ? open : amount, open);
        var payment = new Payment(
                RandomIds.of("pay-", 17, random),
                invoice.id(),
                allocation.applied().plus(allocation.excess()),
                allocation.applied(),
                reference,
                simulated,
                actor.name(),
                now);
        repository.insertPayment(payment, invoice.buyerPartyId());
        var postings = new ArrayList<Posting>();
        postings.add(new Posting(cash(currency), receivable(invoice.buyerPartyId(), currency), payment.applied()));
        if (payment.toCredit().isPositive()) {
            postings.add(
                    new Posting(cash(currency), buyerCredit(invoice.buyerPartyId(), currency), payment.toCredit()));
        }
        ledger.post(new JournalEntry("payment:" + payment.id(), PAYMENT_RECEIVED, invoice.id(), now, postings));
        // Announced before the invoice it settles is.
        events.publishEvent(new PaymentReceived(
                payment.id(),
                invoice.id(),
                invoice.buyerPartyId(),
                invoice.sellerPartyId(),
                currency.getCode(),
                payment.amount().getAmount(),
                payment.applied().getAmount(),
                payment.toCredit().getAmount(),
                reference,
                simulated,
                actor,
                now));
        apply(applicationId(), invoice, balance, payment.applied(), payment.id(), now);
        if (payment.toCredit().isPositive()) {
            repository.changeCredit(invoice.buyerPartyId(), payment.toCredit());
            spend(invoice.buyerPartyId(), credit.plus(payment.toCredit()), now);
        }
        return payment;
    }

    /**
     * Applies the credit of each buyer in the currency to its open invoices, oldest first: after invoices were
     * issued, so that an over-payment pays the buyer's next invoice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void spendCredit(Collection<BuyerCurrency> candidates, Instant now) {
        for (var holder : repository.withCredit(candidates)) {
            spend(holder.buyerPartyId(), repository.lockCredit(holder.buyerPartyId(), holder.currency()), now);
        }
    }

    /** Spends {@code available} credit, whose row the caller locked. */
    private void spend(UUID buyerPartyId, Money available, Instant now) {
        var currency = available.getCurrencyUnit();
        for (var use : PaymentAllocation.credit(available, repository.openInvoices(buyerPartyId, currency))) {
            var invoice = invoices.find(use.invoiceId()).orElseThrow();
            var balance = repository.lockBalance(invoice.id()).orElseThrow();
            // Read again under the lock: a payment may have settled it since the open invoices were listed.
            var open = balance.amounts().open();
            if (!open.isPositive()) {
                continue;
            }
            var amount = use.amount().isGreaterThan(open) ? open : use.amount();
            var applicationId = applicationId();
            ledger.post(new JournalEntry(
                    "credit-applied:" + applicationId,
                    CREDIT_APPLIED,
                    invoice.id(),
                    now,
                    List.of(new Posting(
                            buyerCredit(buyerPartyId, currency), receivable(buyerPartyId, currency), amount))));
            apply(applicationId, invoice, balance, amount, null, now);
            repository.changeCredit(buyerPartyId, amount.negated());
        }
    }

    /**
     * Applies money to an invoice whose balance the caller locked: records the application, posts its collection
     * split and, when the invoice is settled, announces it.
     *
     * @param paymentId the payment it comes from; null for the buyer's credit
     */
    private void apply(
            String id, Invoice invoice, Balance balance, Money amount, @Nullable String paymentId, Instant now) {
        repository.insertApplication(id, invoice.id(), paymentId, amount, now);
        repository.addPaid(invoice.id(), amount, now);
        var currency = amount.getCurrencyUnit();
        // Counted from all that left the receivable before (applied, and credited by credit memos unpaid), so a
        // collection goes on where a credit memo's unpaid part, split the same way, left off (CreditMemos.plan): a
        // settled invoice leaves nothing in clearing, credited or not.
        var before = balance.amounts();
        var split = CollectionSplit.of(invoice, before.total().minus(before.open()), amount, feeRates(invoice));
        repository.insertShares(id, invoice.id(), split.lines(), now);
        var postings = new ArrayList<Posting>();
        for (var share : split.shares()) {
            postings.add(new Posting(
                    LedgerAccount.marketplace(AccountRole.MARKETPLACE_CLEARING, currency),
                    new LedgerAccount(share.payee().partyId(), share.payee().role(), currency),
                    share.amount()));
        }
        // The ISV pays its listing fee out of the share it was just given, in the same entry: a credit memo reverses
        // the fee leg in proportion with the others (ADR 0017), so a refund claws the fee back too.
        for (var fee : split.fees()) {
            postings.add(new Posting(
                    new LedgerAccount(fee.payerPartyId(), AccountRole.SELLER_PAYABLE, currency),
                    LedgerAccount.marketplace(AccountRole.FEE_REVENUE, currency),
                    fee.amount()));
        }
        // An application of tax alone moves nothing out of clearing.
        if (!postings.isEmpty()) {
            ledger.post(new JournalEntry("collection:" + id, COLLECTED, invoice.id(), now, postings));
        }
        if (amount.equals(balance.amounts().open())) {
            events.publishEvent(new InvoicePaid(
                    invoice.id(),
                    invoice.buyerPartyId(),
                    invoice.sellerPartyId(),
                    currency.getCode(),
                    invoice.total().getAmount(),
                    now));
        }
    }

    /** The listing fee in percent of each agreement billed on the invoice that has one. */
    private Map<String, BigDecimal> feeRates(Invoice invoice) {
        var agreements = invoice.lines().stream().map(InvoiceLine::agreementId).collect(Collectors.toSet());
        var rates = new HashMap<String, BigDecimal>();
        listingFees.ratesFor(agreements).forEach((agreement, fee) -> rates.put(agreement, fee.ratePercent()));
        return rates;
    }

    private String applicationId() {
        return RandomIds.of("papp-", 17, random);
    }

    private static LedgerAccount cash(CurrencyUnit currency) {
        return LedgerAccount.marketplace(AccountRole.MARKETPLACE_CASH, currency);
    }

    private static LedgerAccount receivable(UUID buyerPartyId, CurrencyUnit currency) {
        return new LedgerAccount(buyerPartyId, AccountRole.BUYER_RECEIVABLE, currency);
    }

    private static LedgerAccount buyerCredit(UUID buyerPartyId, CurrencyUnit currency) {
        return new LedgerAccount(buyerPartyId, AccountRole.BUYER_CREDIT, currency);
    }
}
