package io.offerdesk.agreements.internal;

import io.offerdesk.agreements.TermConfiguration;
import io.offerdesk.platform.SealedJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.module.SimpleModule;

/** A buyer's term configurations are stored with quotes and agreements, and travel in events, as typed JSON. */
@Configuration(proxyBeanMethods = false)
class AgreementJson {

    @Bean
    SimpleModule termConfigurations() {
        return SealedJson.module("term-configurations", TermConfiguration.class);
    }
}
