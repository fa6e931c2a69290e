package io.offerdesk.gtm.internal.crm;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CrmNavigation {

    /** A seller's or channel partner's administrator connects the CRM, since that hands out a signing secret. */
    @Bean
    NavigationItem crmNavigationItem() {
        return new NavigationItem(
                "crm.nav", "/crm", 980, Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER), Set.of(Role.ADMIN));
    }
}
