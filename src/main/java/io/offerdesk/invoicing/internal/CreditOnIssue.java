package io.offerdesk.invoicing.internal;

import io.offerdesk.invoicing.events.InvoicesIssued;
import io.offerdesk.invoicing.internal.CollectionRepository.BuyerCurrency;
import org.joda.money.CurrencyUnit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pays newly issued invoices from their buyers' credit (earlier over-payments), in the run's transaction: an invoice
 * is never issued without the credit its buyer had at the time being applied to it. A batch costs one look-up unless
 * one of its buyers has credit.
 */
@Component
class CreditOnIssue {

    private final Collecting collecting;

    CreditOnIssue(Collecting collecting) {
        this.collecting = collecting;
    }

    @EventListener
    void on(InvoicesIssued issued) {
        var buyers = issued.invoices().stream()
                .map(invoice -> new BuyerCurrency(invoice.buyerPartyId(), CurrencyUnit.of(invoice.currencyCode())))
                .distinct()
                .toList();
        collecting.spendCredit(buyers, issued.occurredAt());
    }
}
