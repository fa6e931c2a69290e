package io.offerdesk.changesets.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChangeSetNavigation {

    /** Sellers and channel partners change catalog entities (offers today) only through change sets. */
    @Bean
    NavigationItem changeSetsNavigation() {
        return new NavigationItem(
                "nav.changeSets", "/change-sets", 40, Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER), Set.of());
    }
}
