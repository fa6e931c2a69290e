package io.offerdesk.notifications.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookNavigation {

    /** A party's administrator manages its webhook endpoints and reads their deliveries. */
    @Bean
    NavigationItem webhooksNavigation() {
        return new NavigationItem(
                "webhooks.nav",
                "/webhooks",
                940,
                Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER, PartyKind.BUYER),
                Set.of(Role.ADMIN, Role.MARKETPLACE_ADMIN));
    }
}
