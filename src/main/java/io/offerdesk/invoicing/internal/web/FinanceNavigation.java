package io.offerdesk.invoicing.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FinanceNavigation {

    /** Every role of a buyer reads its invoices; paying them takes finance (the pay button says so). */
    @Bean
    NavigationItem buyerInvoicesNavigation() {
        return new NavigationItem(
                "finance.nav.buyerInvoices", FinancePaths.BUYER_INVOICES, 27, Set.of(PartyKind.BUYER), Set.of());
    }

    /** Sellers and channel partners read the invoices they are seller of record of; the operator reads all. */
    @Bean
    NavigationItem sellerInvoicesNavigation() {
        return new NavigationItem(
                "finance.nav.sellerInvoices",
                FinancePaths.SELLER_INVOICES,
                38,
                Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER, PartyKind.OPERATOR),
                Set.of());
    }

    @Bean
    NavigationItem revenueNavigation() {
        return new NavigationItem(
                "finance.nav.revenue",
                FinancePaths.REVENUE,
                39,
                Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER, PartyKind.OPERATOR),
                Set.of());
    }
}
