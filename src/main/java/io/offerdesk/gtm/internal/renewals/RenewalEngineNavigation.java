package io.offerdesk.gtm.internal.renewals;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RenewalEngineNavigation {

    /** Administrators set the engine up; authors follow its drafts. */
    @Bean
    NavigationItem renewalEngineNavigationItem() {
        return new NavigationItem(
                "renewals.nav",
                "/renewals",
                985,
                Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER),
                Set.of(Role.ADMIN, Role.OFFER_AUTHOR));
    }
}
