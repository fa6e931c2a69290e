package io.offerdesk.governance.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GovernanceNavigation {

    /** The buyer's private-marketplace administrator builds experiences. */
    @Bean
    NavigationItem privateMarketplaceNavigation() {
        return new NavigationItem(
                "governance.nav.experiences",
                "/governance/experiences",
                60,
                Set.of(PartyKind.BUYER),
                Set.of(Role.MARKETPLACE_ADMIN));
    }

    /** The administrator decides the users' product requests. */
    @Bean
    NavigationItem productRequestsNavigation() {
        return new NavigationItem(
                "governance.nav.requests",
                "/governance/requests",
                61,
                Set.of(PartyKind.BUYER),
                Set.of(Role.MARKETPLACE_ADMIN));
    }

    /** A procurement user asks for products the private marketplace does not allow. */
    @Bean
    NavigationItem myProductRequestsNavigation() {
        return new NavigationItem(
                "governance.nav.myRequests",
                "/governance/my-requests",
                62,
                Set.of(PartyKind.BUYER),
                Set.of(Role.PROCUREMENT));
    }
}
