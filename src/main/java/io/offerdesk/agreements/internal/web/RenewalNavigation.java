package io.offerdesk.agreements.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RenewalNavigation {

    /** Sellers and channel partners see the agreements they proposed that renew soon, to act before the lockout. */
    @Bean
    NavigationItem upcomingRenewalsNavigation() {
        return new NavigationItem(
                "agreementRenewal.nav",
                "/agreements/renewals",
                36,
                Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER),
                Set.of());
    }
}
