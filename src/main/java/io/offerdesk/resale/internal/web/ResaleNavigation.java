package io.offerdesk.resale.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ResaleNavigation {

    /** An ISV authorizes channel partners to resell its products. */
    @Bean
    NavigationItem resaleAuthorizationsNavigation() {
        return new NavigationItem(
                "resale.nav.authorizations", "/resale-authorizations", 35, Set.of(PartyKind.SELLER), Set.of());
    }

    /** A channel partner receives the authorizations ISVs share with it. */
    @Bean
    NavigationItem sharedResaleAuthorizationsNavigation() {
        return new NavigationItem(
                "resale.nav.inbox", "/partner/resale-authorizations", 25, Set.of(PartyKind.CHANNEL_PARTNER), Set.of());
    }
}
