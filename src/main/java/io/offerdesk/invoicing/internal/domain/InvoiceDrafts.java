package io.offerdesk.invoicing.internal.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.joda.money.Money;

/**
 * Makes invoices of due charges: one per {@link InvoiceGroup}, lines in the order the charges come, a due date and the
 * tax of the buyer's country.
 */
public final class InvoiceDrafts {

    private InvoiceDrafts() {}

    /**
     * @param charges whole groups of positive charges (a group must not be split across calls, or it gets two invoices)
     * @param terms the billing terms of each buyer party
     */
    public static List<InvoiceDraft> draft(List<WaitingCharge> charges, Function<UUID, BillingTerms> terms) {
        var groups = new LinkedHashMap<InvoiceGroup, List<WaitingCharge>>();
        for (var charge : charges) {
            if (!charge.amount().isPositive()) {
                throw new IllegalArgumentException("Charge " + charge.chargeId() + " of " + charge.agreementId()
                        + " bills nothing; it is not invoiced");
            }
            groups.computeIfAbsent(charge.group(), g -> new ArrayList<>()).add(charge);
        }
        var drafts = new ArrayList<InvoiceDraft>(groups.size());
        for (Map.Entry<InvoiceGroup, List<WaitingCharge>> group : groups.entrySet()) {
            drafts.add(draft(group.getKey(), group.getValue(), terms));
        }
        return drafts;
    }

    private static InvoiceDraft draft(
            InvoiceGroup group, List<WaitingCharge> charges, Function<UUID, BillingTerms> termsOf) {
        // A buyer account belongs to one buyer party, so its charges share the buyer's terms.
        var buyer = charges.getFirst().buyerPartyId();
        var terms = termsOf.apply(buyer);
        var amounts = charges.stream().map(WaitingCharge::amount).toList();
        var subtotal = Money.total(amounts);
        var tax = terms.taxRate() == null
                ? Money.zero(subtotal.getCurrencyUnit())
                : TaxAllocation.tax(subtotal, terms.taxRate());
        var taxes = TaxAllocation.allocate(tax, amounts);
        var lines = new ArrayList<InvoiceDraft.Line>(charges.size());
        // An invoice is never due before any of its charges' terms allow: it takes the longest of them.
        int netDays = 0;
        for (int i = 0; i < charges.size(); i++) {
            var charge = charges.get(i);
            lines.add(new InvoiceDraft.Line(i + 1, charge, description(charge), taxes.get(i)));
            netDays = Math.max(
                    netDays, charge.netPaymentDays() == null ? terms.defaultNetPaymentDays() : charge.netPaymentDays());
        }
        return new InvoiceDraft(
                group,
                buyer,
                group.invoiceDate().plusDays(netDays),
                subtotal,
                tax,
                terms.country(),
                terms.taxRate(),
                lines);
    }

    /** What the line bills, in the words of the invoice document (English, as the merchant of record issues it). */
    static String description(WaitingCharge charge) {
        var usage = charge.description();
        var what = usage != null
                ? usage
                : switch (charge.timing()) {
                    case "ON_ACCEPTANCE" -> "Charge on acceptance";
                    case "BILLING_PERIOD" -> "Billing period from " + charge.invoiceDate();
                    default -> "Installment of " + charge.invoiceDate();
                };
        return what + " — " + charge.productId() + ", agreement " + charge.agreementId() + ", charge "
                + charge.chargeId();
    }
}
