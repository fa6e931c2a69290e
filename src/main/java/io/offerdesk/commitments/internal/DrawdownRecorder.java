package io.offerdesk.commitments.internal;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.invoicing.Invoices;
import io.offerdesk.invoicing.events.CreditMemoIssued;
import io.offerdesk.invoicing.events.InvoicesIssued;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Takes every line of the invoices and credit memos issued to buyer organizations into their spend (a credit memo's
 * lines lower it), once per line, then raises the milestones the organization's commitments reach. It runs after
 * invoicing committed, from the event publication registry: a failure here never holds an invoice back, and a
 * redelivered event finds its lines recorded and changes nothing (ADR 0024).
 */
@Component
class DrawdownRecorder {

    private final Invoices invoices;
    private final Agreements agreements;
    private final SpendRepository spend;
    private final EligibilityRepository eligibility;
    private final Commitments views;
    private final Clock clock;

    DrawdownRecorder(
            Invoices invoices,
            Agreements agreements,
            SpendRepository spend,
            EligibilityRepository eligibility,
            Commitments views,
            Clock clock) {
        this.invoices = invoices;
        this.agreements = agreements;
        this.spend = spend;
        this.eligibility = eligibility;
        this.views = views;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(InvoicesIssued issued) {
        var owners = new LinkedHashSet<UUID>();
        for (var invoice : issued.invoices()) {
            invoices.find(invoice.invoiceId()).ifPresent(this::record);
            owners.add(invoice.buyerPartyId());
        }
        owners.forEach(views::raiseMilestones);
    }

    @ApplicationModuleListener
    void on(CreditMemoIssued issued) {
        invoices.find(issued.creditMemoId()).ifPresent(this::record);
        views.raiseMilestones(issued.buyerPartyId());
    }

    private void record(Invoice invoice) {
        var memo = invoice.type() == InvoiceType.CREDIT_MEMO;
        var now = clock.instant();
        var held = new HashMap<String, Optional<Agreement>>();
        for (var line : invoice.lines()) {
            // The agreement's product type is the snapshot taken at acceptance: the catalog may have changed since.
            var agreement = held.computeIfAbsent(line.agreementId(), agreements::find);
            if (agreement.isEmpty()) {
                continue;
            }
            spend.record(
                    new SpendRepository.Line(
                            invoice.id(),
                            line.lineNo(),
                            invoice.buyerPartyId(),
                            invoice.type().name(),
                            invoice.invoiceDate(),
                            line.agreementId(),
                            line.productId(),
                            agreement.get().productType(),
                            eligibility.eligible(line.productId()),
                            memo ? line.amount().negated() : line.amount()),
                    now);
        }
    }
}
