package io.offerdesk.platform.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformNavigation {

    @Bean
    NavigationItem homeNavigation() {
        return new NavigationItem("nav.home", "/", 0, Set.of(PartyKind.values()), Set.of());
    }

    @Bean
    @ConditionalOnBooleanProperty("offerdesk.simulation")
    NavigationItem simulationNavigation() {
        return new NavigationItem(
                "nav.simulation", "/simulation", 900, Set.of(PartyKind.OPERATOR), Set.of(Role.OPERATOR_ADMIN));
    }
}
