package io.offerdesk.commitments.internal.web;

import io.offerdesk.platform.NavigationItem;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommitmentNavigation {

    /** Every user of a buyer organization reads its commitments; finance and administrators keep them. */
    @Bean
    NavigationItem buyerCommitmentsNavigation() {
        return new NavigationItem("commitments.nav", CommitmentPages.PATH, 28, Set.of(PartyKind.BUYER), Set.of());
    }

    @Bean
    NavigationItem sellerHeadroomNavigation() {
        return new NavigationItem(
                "commitments.nav.headroom",
                HeadroomPages.PATH,
                42,
                Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER),
                Set.of());
    }

    @Bean
    NavigationItem eligibilityNavigation() {
        return new NavigationItem(
                "commitments.nav.eligibility",
                EligibilityPages.PATH,
                440,
                Set.of(PartyKind.OPERATOR),
                Set.of(Role.OPERATOR_ADMIN));
    }
}
