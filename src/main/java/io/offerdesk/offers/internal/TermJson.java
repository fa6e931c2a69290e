package io.offerdesk.offers.internal;

import io.offerdesk.offers.Term;
import io.offerdesk.platform.SealedJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.module.SimpleModule;

/** Offer terms travel in events and in other modules' snapshots (an agreement's accepted terms) as typed JSON. */
@Configuration(proxyBeanMethods = false)
class TermJson {

    @Bean
    SimpleModule offerTerms() {
        return SealedJson.module("offer-terms", Term.class, Term.PriceIncrease.class);
    }
}
