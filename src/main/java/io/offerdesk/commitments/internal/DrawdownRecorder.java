package io.offerdesk.commitments.internal;

import io.offerdesk.agreements.Agreements;
import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceLine;
import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.invoicing.Invoices;
import io.offerdesk.invoicing.events.CreditMemoIssued;
import io.offerdesk.invoicing.events.InvoicesIssued;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Takes every line of the invoices and credit memos issued to buyer organizations into their spend (a credit memo's
 * lines lower it), once per line, then raises the milestones the organization's commitments reach. It runs after
 * invoicing committed, from the event publication registry: a failure here never holds an invoice back, and a
 * redelivered event finds its lines recorded and changes nothing (ADR 0024).
 *
 * <p>An invoicing run's batch brings up to thousands of invoices in one event, so the listener reads and writes them
 * set-wise, in the same few statements however many there are: their lines, their agreements' product types, the
 * products' eligibility, then all the lines in one insert (ADR 0047).
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
        record(invoices.invoicesOf(
                issued.invoices().stream().map(InvoicesIssued.Issued::invoiceId).toList()));
        views.raiseMilestones(issued.invoices().stream()
                .map(InvoicesIssued.Issued::buyerPartyId)
                .distinct()
                .toList());
    }

    @ApplicationModuleListener
    void on(CreditMemoIssued issued) {
        record(invoices.find(issued.creditMemoId()).stream().toList());
        views.raiseMilestones(List.of(issued.buyerPartyId()));
    }

    private void record(List<Invoice> documents) {
        var billed = documents.stream().flatMap(d -> d.lines().stream()).toList();
        // The agreement's product type is the snapshot taken at acceptance: the catalog may have changed since.
        var productTypes = agreements.productTypes(
                billed.stream().map(InvoiceLine::agreementId).collect(Collectors.toSet()));
        var ineligible = eligibility.ineligible(
                billed.stream().map(InvoiceLine::productId).collect(Collectors.toSet()));
        var lines = new ArrayList<SpendRepository.Line>();
        for (var document : documents) {
            var memo = document.type() == InvoiceType.CREDIT_MEMO;
            for (var line : document.lines()) {
                var productType = productTypes.get(line.agreementId());
                if (productType == null) {
                    continue;
                }
                lines.add(new SpendRepository.Line(
                        document.id(),
                        line.lineNo(),
                        document.buyerPartyId(),
                        document.type().name(),
                        document.invoiceDate(),
                        line.agreementId(),
                        line.productId(),
                        productType,
                        !ineligible.contains(line.productId()),
                        memo ? line.amount().negated() : line.amount()));
            }
        }
        spend.record(lines, clock.instant());
    }
}
