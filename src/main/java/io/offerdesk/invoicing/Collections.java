package io.offerdesk.invoicing;

import io.offerdesk.invoicing.internal.Collecting;
import io.offerdesk.invoicing.internal.CollectionRepository;
import io.offerdesk.invoicing.internal.domain.PaymentInput;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collecting what buyers owe on their invoices (ADR 0016). The operator, or a finance user of the invoice's buyer,
 * records a payment; an over-payment becomes the buyer's credit, which pays the buyer's next invoices in that currency
 * as they are issued. In simulation mode the buyer can also just "pay": the open amount is settled at once.
 *
 * <p>Whoever may read an invoice may read its payments and reminders; anyone else is told it does not exist. Of those,
 * only the operator and the buyer's finance users may pay it.
 */
@Service
public class Collections {

    private final Invoices invoices;
    private final Collecting collecting;
    private final CollectionRepository repository;
    private final Clock clock;
    private final boolean simulation;

    Collections(
            Invoices invoices,
            Collecting collecting,
            CollectionRepository repository,
            Clock clock,
            @Value("${offerdesk.simulation}") boolean simulation) {
        this.invoices = invoices;
        this.collecting = collecting;
        this.repository = repository;
        this.clock = clock;
        this.simulation = simulation;
    }

    /**
     * Records money the buyer paid against the invoice, as entered: an amount in the invoice's currency and a
     * reference.
     *
     * @throws io.offerdesk.shared.InvalidInput naming {@code amount}, {@code currencyCode} or {@code reference}
     * @throws Conflict {@code collections.nothingOpen} when nothing is left to pay, {@code collections.notPayable} for a
     *     credit memo
     */
    @Transactional
    public Payment recordPayment(
            OfferdeskPrincipal me,
            String invoiceId,
            @Nullable String amount,
            @Nullable String currencyCode,
            @Nullable String reference) {
        var invoice = payable(me, invoiceId);
        var input =
                PaymentInput.of(amount, currencyCode, reference, invoice.total().getCurrencyUnit());
        return collecting.receive(invoice, input.amount(), input.reference(), me.actor(), clock.instant());
    }

    /** Records money the buyer paid against the invoice; see {@link #recordPayment(OfferdeskPrincipal, String, String, String, String)}. */
    @Transactional
    public Payment recordPayment(OfferdeskPrincipal me, String invoiceId, Money amount, @Nullable String reference) {
        return recordPayment(
                me,
                invoiceId,
                amount.getAmount().toPlainString(),
                amount.getCurrencyUnit().getCode(),
                reference);
    }

    /**
     * The simulator's "pay": settles what is open on the invoice at once. Only in simulation mode; elsewhere the
     * invoice is not found for it.
     */
    @Transactional
    public Payment pay(OfferdeskPrincipal me, String invoiceId) {
        if (!simulation) {
            throw new NotFound("invoice", invoiceId);
        }
        return collecting.settle(payable(me, invoiceId), me.actor(), clock.instant());
    }

    /** Whether the caller may pay the invoice (which they can read): the operator and the buyer's finance users. */
    public boolean mayPay(OfferdeskPrincipal me, Invoice invoice) {
        return invoice.type() == InvoiceType.INVOICE && payer(me, invoice);
    }

    private static boolean payer(OfferdeskPrincipal me, Invoice invoice) {
        return me.isOperator()
                || (me.partyKind() == PartyKind.BUYER
                        && me.partyId().equals(invoice.buyerPartyId())
                        && me.has(Role.FINANCE));
    }

    /** Whether the simulator's "pay" is offered. */
    public boolean simulation() {
        return simulation;
    }

    /** The invoice's status now; for the module's own work and for callers that already read the invoice. */
    @Transactional(readOnly = true)
    public InvoiceStatus status(String invoiceId) {
        return standing(invoiceId).status();
    }

    /** Where the invoice stands now: status and amounts. */
    @Transactional(readOnly = true)
    public InvoiceStanding standing(String invoiceId) {
        var found = standings(List.of(invoiceId)).get(invoiceId);
        if (found == null) {
            throw new NotFound("invoice", invoiceId);
        }
        return found;
    }

    /** Where an invoice the caller may read stands now. */
    @Transactional(readOnly = true)
    public InvoiceStanding standing(OfferdeskPrincipal me, String invoiceId) {
        return standing(invoices.invoice(me, invoiceId).id());
    }

    /** Where each of the invoices stands now, for lists; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<String, InvoiceStanding> standings(Collection<String> invoiceIds) {
        var now = clock.instant();
        var standings = new HashMap<String, InvoiceStanding>();
        repository.balances(invoiceIds).forEach((id, balance) -> {
            var amounts = balance.amounts();
            standings.put(
                    id,
                    new InvoiceStanding(
                            id,
                            amounts.status(balance.dueDate(), now),
                            balance.dueDate(),
                            amounts.total(),
                            amounts.paid(),
                            amounts.credited(),
                            amounts.refunded(),
                            amounts.open()));
        });
        return standings;
    }

    /** The payments recorded against an invoice the caller may read, oldest first. */
    @Transactional(readOnly = true)
    public List<Payment> payments(OfferdeskPrincipal me, String invoiceId) {
        return repository.payments(invoices.invoice(me, invoiceId).id());
    }

    /** The buyer's credit that paid an invoice the caller may read, oldest first. */
    @Transactional(readOnly = true)
    public List<AppliedCredit> creditsApplied(OfferdeskPrincipal me, String invoiceId) {
        return repository.creditsApplied(invoices.invoice(me, invoiceId).id());
    }

    /** The dunning reminders sent for an invoice the caller may read. */
    @Transactional(readOnly = true)
    public List<PaymentReminder> reminders(OfferdeskPrincipal me, String invoiceId) {
        return repository.reminders(invoices.invoice(me, invoiceId).id());
    }

    /** The caller's (buyer's) credit: over-payments not yet applied, per currency. */
    @Transactional(readOnly = true)
    public List<Money> creditBalance(OfferdeskPrincipal me) {
        if (me.partyKind() != PartyKind.BUYER) {
            throw new AccessDeniedException("only buyers hold credit");
        }
        return repository.credits(me.partyId());
    }

    /** The invoice, for someone who may pay it: 404 for who may not read it, 403 for who may only read it. */
    private Invoice payable(OfferdeskPrincipal me, String invoiceId) {
        var invoice = invoices.invoice(me, invoiceId);
        if (!payer(me, invoice)) {
            throw new AccessDeniedException("only the operator and the buyer's finance users pay invoices");
        }
        if (invoice.type() != InvoiceType.INVOICE) {
            throw new Conflict("collections.notPayable", invoiceId);
        }
        return invoice;
    }
}
