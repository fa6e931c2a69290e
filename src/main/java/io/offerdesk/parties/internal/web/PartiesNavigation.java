package io.offerdesk.parties.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PartiesNavigation {

    @Bean
    NavigationItem partiesListNavigation() {
        return new NavigationItem(
                "nav.parties", "/parties", 10, Set.of(PartyKind.OPERATOR), Set.of(Role.OPERATOR_ADMIN));
    }

    @Bean
    NavigationItem organizationNavigation() {
        return new NavigationItem(
                "nav.organization",
                "/organization",
                700,
                Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER, PartyKind.BUYER),
                Set.of());
    }

    @Bean
    NavigationItem profileNavigation() {
        return new NavigationItem("nav.profile", "/profile", 950, Set.of(PartyKind.values()), Set.of());
    }
}
