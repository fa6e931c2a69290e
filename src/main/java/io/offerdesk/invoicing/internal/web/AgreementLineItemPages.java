package io.offerdesk.invoicing.internal.web;

import io.offerdesk.agreements.Agreements;
import io.offerdesk.invoicing.internal.finance.AgreementLineItems;
import io.offerdesk.invoicing.internal.finance.LineItemSearch;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.PartyKind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An agreement's invoices, its line items grouped by invoice, loaded by htmx into the agreement pages of both sides.
 * Whoever cannot read the agreement gets 404 and the page shows nothing.
 */
@Controller
class AgreementLineItemPages {

    /** As many groups as one ListAgreementInvoiceLineItems page holds; the API pages through the rest. */
    static final int GROUPS_SHOWN = 50;

    private final Agreements agreements;
    private final AgreementLineItems lineItems;

    AgreementLineItemPages(Agreements agreements, AgreementLineItems lineItems) {
        this.agreements = agreements;
        this.lineItems = lineItems;
    }

    @GetMapping({"/agreements/{agreementId}/invoice-line-items", "/buyer/agreements/{agreementId}/invoice-line-items"})
    String lineItems(OfferdeskPrincipal me, @PathVariable String agreementId, Model model) {
        var agreement = agreements.agreement(me, agreementId);
        var page = lineItems.groups(me, agreement, LineItemSearch.ALL, 0, GROUPS_SHOWN);
        var buyer = me.partyKind() == PartyKind.BUYER;
        var publisherOnly = !me.isOperator()
                && !me.partyId().equals(agreement.proposerPartyId())
                && me.partyId().equals(agreement.publisherPartyId());
        model.addAttribute("groups", page.groups());
        model.addAttribute("more", page.more());
        model.addAttribute("buyer", buyer);
        model.addAttribute("publisherOnly", publisherOnly);
        // The publisher of a resold product does not read the partner's invoices; everyone else follows the link.
        model.addAttribute(
                "invoicesPath",
                publisherOnly ? null : buyer ? FinancePaths.BUYER_INVOICES : FinancePaths.SELLER_INVOICES);
        return "invoicing/finance-fragments :: lineItems";
    }
}
