package io.offerdesk.gtm.internal.strategy;

import io.offerdesk.gtm.internal.strategy.domain.DealStrategy;
import io.offerdesk.gtm.internal.strategy.domain.Route;
import io.offerdesk.gtm.internal.strategy.domain.SegmentRule;
import io.offerdesk.gtm.internal.strategy.domain.ValueRange;
import io.offerdesk.parties.PartyManagement;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deal strategy for the demo seller Acme Analytics: Globex is a strategic key account served by private offers with
 * 10 to 30 % off from the "Enterprise 3-year" template (seeded by the template library's demo data, which runs
 * first); deals from USD 50,000 are mid-market private offers with up to 15 % off; everyone else buys at the public
 * price. Skipped when Acme already has a strategy.
 */
@Component
@Order(955)
@ConditionalOnBooleanProperty("offerdesk.demo")
class DemoStrategy implements ApplicationRunner {

    static final String ENTERPRISE_TEMPLATE = "offertpl-acmedemo0000001";
    static final String GLOBEX_ACCOUNT = "400000000001";

    private static final Logger log = LoggerFactory.getLogger(DemoStrategy.class);

    private final PartyManagement parties;
    private final StrategyRepository repository;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoStrategy(PartyManagement parties, StrategyRepository repository, TransactionTemplate transaction, Clock clock) {
        this.parties = parties;
        this.repository = repository;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> parties.findByName("Acme Analytics")
                .filter(acme -> repository.updatedAt(acme.id()).isEmpty())
                .ifPresent(acme ->
                        parties.findByName("Globex Corporation").ifPresent(globex -> seed(acme.id(), globex.id()))));
    }

    private void seed(UUID acme, UUID globex) {
        var strategic = new SegmentRule(
                "Strategic",
                Route.PRIVATE_OFFER,
                List.of(GLOBEX_ACCOUNT),
                Set.of(globex),
                null,
                new BigDecimal("10.00"),
                new BigDecimal("30.00"),
                ENTERPRISE_TEMPLATE);
        var midMarket = new SegmentRule(
                "Mid-market",
                Route.PRIVATE_OFFER,
                List.of(),
                Set.of(),
                new ValueRange(CurrencyUnit.USD, new BigDecimal("50000.00"), null),
                new BigDecimal("0.00"),
                new BigDecimal("15.00"),
                null);
        var selfServe = new SegmentRule(
                "Self-serve",
                Route.PUBLIC_PRICE,
                List.of(),
                Set.of(),
                null,
                new BigDecimal("0.00"),
                new BigDecimal("0.00"),
                null);
        repository.replace(acme, new DealStrategy(List.of(strategic, midMarket, selfServe)), clock.instant());
        log.info("Seeded the demo deal strategy of Acme Analytics");
    }
}
