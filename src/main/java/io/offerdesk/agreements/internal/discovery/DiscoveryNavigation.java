package io.offerdesk.agreements.internal.discovery;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DiscoveryNavigation {

    /** Every role of a buyer discovers products; the entry sits just before the buyer's private offers. */
    @Bean
    NavigationItem buyerDiscoverNavigation() {
        return new NavigationItem("discovery.nav", "/buyer/discover", 19, Set.of(PartyKind.BUYER), Set.of());
    }
}
