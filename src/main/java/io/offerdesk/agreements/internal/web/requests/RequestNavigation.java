package io.offerdesk.agreements.internal.web.requests;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RequestNavigation {

    /** Every buyer role reads the requests waiting for the buyer; procurement users decide on them. */
    @Bean
    NavigationItem buyerRequestsNavigation() {
        return new NavigationItem("requests.nav", RequestForms.INBOX, 25, Set.of(PartyKind.BUYER), Set.of());
    }
}
