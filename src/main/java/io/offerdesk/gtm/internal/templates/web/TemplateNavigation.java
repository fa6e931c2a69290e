package io.offerdesk.gtm.internal.templates.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TemplateNavigation {

    /** Every user of a seller or channel partner reads the template library; authors change it. */
    @Bean
    NavigationItem templateLibraryNavigation() {
        return new NavigationItem(
                "templates.nav", "/templates", 950, Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER), Set.of());
    }
}
