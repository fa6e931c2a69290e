package io.offerdesk.gtm.internal.renewals;

import io.offerdesk.gtm.internal.renewals.RenewalRepository.Settings;
import io.offerdesk.gtm.internal.templates.domain.RenewalMode;
import io.offerdesk.parties.PartyManagement;
import java.math.BigDecimal;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Switches the renewal engine on for the demo seller Acme Analytics: 90 days ahead, replacement offers 3 % dearer
 * (its "Enterprise 3-year" template renews future-dated, 5 % dearer). Skipped when Acme saved settings already.
 */
@Component
@Order(951)
@ConditionalOnBooleanProperty(
        name = {"offerdesk.demo", "offerdesk.renewals.demo-enabled"},
        matchIfMissing = true)
class DemoRenewals implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRenewals.class);

    private final PartyManagement parties;
    private final RenewalRepository repository;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoRenewals(PartyManagement parties, RenewalRepository repository, TransactionTemplate transaction, Clock clock) {
        this.parties = parties;
        this.repository = repository;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> parties.findByName("Acme Analytics")
                .filter(acme -> repository.settings(acme.id()).isEmpty())
                .ifPresent(acme -> {
                    repository.saveSettings(
                            acme.id(),
                            new Settings(
                                    true, Renewals.DEFAULT_LEAD_DAYS, RenewalMode.REPLACEMENT, new BigDecimal("3.00")),
                            clock.instant());
                    log.info("Switched on the renewal engine of Acme Analytics");
                }));
    }
}
