package io.offerdesk.agreements.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EntitlementNavigation {

    /** Every role of a buyer sees what its accounts are entitled to and how to get the products. */
    @Bean
    NavigationItem buyerEntitlementsNavigation() {
        return new NavigationItem(
                "buyer.nav.entitlements", "/buyer/entitlements", 27, Set.of(PartyKind.BUYER), Set.of());
    }

    /** Sellers look up their customers' current entitlements, as their software does with GetEntitlements. */
    @Bean
    NavigationItem entitlementsNavigation() {
        return new NavigationItem("nav.entitlements", "/entitlements", 37, Set.of(PartyKind.SELLER), Set.of());
    }
}
