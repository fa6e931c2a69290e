package io.offerdesk.invoicing.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InvoicingNavigation {

    @Bean
    NavigationItem invoicingRunsNavigation() {
        return new NavigationItem(
                "invoicing.nav.runs",
                InvoicingPages.RUNS,
                400,
                Set.of(PartyKind.OPERATOR),
                Set.of(Role.OPERATOR_ADMIN));
    }

    @Bean
    NavigationItem taxRatesNavigation() {
        return new NavigationItem(
                "invoicing.nav.taxRates",
                InvoicingPages.TAX_RATES,
                410,
                Set.of(PartyKind.OPERATOR),
                Set.of(Role.OPERATOR_ADMIN));
    }

    @Bean
    NavigationItem billingProfilesNavigation() {
        return new NavigationItem(
                "invoicing.nav.billingProfiles",
                InvoicingPages.PROFILES,
                420,
                Set.of(PartyKind.OPERATOR),
                Set.of(Role.OPERATOR_ADMIN));
    }

    /** Every user of a buyer reads its billing profile; its private-marketplace administrator changes it. */
    @Bean
    NavigationItem buyerBillingProfileNavigation() {
        return new NavigationItem(
                "invoicing.nav.billingProfile", InvoicingPages.MY_PROFILE, 690, Set.of(PartyKind.BUYER), Set.of());
    }
}
