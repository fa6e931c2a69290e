package io.offerdesk.catalog.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogNavigation {

    @Bean
    NavigationItem productsNavigation() {
        return new NavigationItem(
                "nav.products", "/products", 20, Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER), Set.of());
    }

    @Bean
    NavigationItem allProductsNavigation() {
        return new NavigationItem(
                "nav.allProducts", "/products", 20, Set.of(PartyKind.OPERATOR), Set.of(Role.OPERATOR_ADMIN));
    }

    /** Everyone reads the standard contracts: sellers offer them, buyers accept them, the operator maintains them. */
    @Bean
    NavigationItem standardContractsNavigation() {
        return new NavigationItem(
                "nav.standardContracts", "/standard-contracts", 600, Set.of(PartyKind.values()), Set.of());
    }
}
