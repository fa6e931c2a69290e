package io.offerdesk.gtm.internal.strategy;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StrategyNavigation {

    /** Every user of a seller or channel partner reads the deal strategy authors compose against; admins edit it. */
    @Bean
    NavigationItem dealStrategyNavigation() {
        return new NavigationItem(
                "strategy.nav", "/deal-strategy", 955, Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER), Set.of());
    }
}
