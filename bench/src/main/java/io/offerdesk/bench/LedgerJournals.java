package io.offerdesk.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.JournalEntry;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.Posting;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.annotation.PersistenceExceptionTranslationPostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Split journals posted through the real {@link Ledger}, in this process, on the app's database. The ledger has no
 * HTTP API for posting (modules call it in their own transactions), so the harness compiles the ledger module's own
 * sources (it depends on no other module; see bench/pom.xml) and runs them in a small Spring context shaped like the
 * app's: a Hikari pool, {@code JdbcClient}, a {@code DataSourceTransactionManager}, and the app's proxies
 * (transactional and exception-translating), so the ledger's beans are wired as in the app. One call is one entry
 * ({@link SplitJournals}) posted in a transaction of its own ({@code TransactionTemplate}), as a caller's would be.
 *
 * <p>Setup posts one entry per buyer, ISV and partner in one {@code postAll}, so every account exists before the load
 * (in the app, an account is created by its first posting, once).
 */
final class LedgerJournals implements Scenario {

    @Override
    public String name() {
        return "ledger-journals";
    }

    @Override
    public String description() {
        return "Ledger.post of a " + SplitJournals.LEGS + "-posting split journal, each in its own transaction,"
                + " in process on the app's database";
    }

    @Override
    public Baseline comparedWith() {
        return Baseline.SPLIT_JOURNAL;
    }

    @Override
    public Optional<Target> target() {
        return Optional.of(new Target(0.70, null, null, null, null));
    }

    @Override
    public Workload prepare(Fixture fixture) throws IOException {
        var context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> pool(fixture));
        context.registerBean(JdbcClient.class, () -> JdbcClient.create(context.getBean(DataSource.class)));
        context.registerBean(
                PlatformTransactionManager.class,
                () -> new DataSourceTransactionManager(context.getBean(DataSource.class)));
        context.registerBean(
                TransactionTemplate.class,
                () -> new TransactionTemplate(context.getBean(PlatformTransactionManager.class)));
        context.registerBean(Clock.class, Clock::systemUTC);
        // As in the app: @Repository beans get the exception-translating proxy.
        context.registerBean(PersistenceExceptionTranslationPostProcessor.class);
        context.register(LedgerModule.class);
        context.refresh();
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));

        var journals = new Journals(context.getBean(Ledger.class), context.getBean(TransactionTemplate.class));
        var created = journals.createAccounts();
        Bench.progress(
                "ledger in process: %,d accounts created by one postAll of %,d entries",
                created, Math.max(SplitJournals.BUYERS, Math.max(SplitJournals.ISVS, SplitJournals.PARTNERS)));
        var clients = new AtomicInteger();
        return () -> {
            var client = clients.incrementAndGet();
            var calls = new long[1];
            return () -> journals.post("bench:" + journals.run + ":" + client + ":" + calls[0]++);
        };
    }

    private static DataSource pool(Fixture fixture) {
        var config = new HikariConfig();
        config.setJdbcUrl(fixture.database().jdbcUrl());
        config.setUsername(PostgresBaselines.USER);
        config.setPoolName("bench-ledger");
        // One connection per client, as the baseline has; the spare ones serve the accounts' own transactions.
        config.setMaximumPoolSize(fixture.options().concurrency() + 2);
        return new HikariDataSource(config);
    }

    /** The ledger module's beans: {@code Ledger}, its journal, and the invariants (which the load does not use). */
    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    @ComponentScan(basePackageClasses = Ledger.class)
    static class LedgerModule {}

    /** The accounts of {@link SplitJournals} as ledger accounts, and the entries the clients post. */
    private static final class Journals {
        private static final CurrencyUnit USD = CurrencyUnit.USD;
        private static final Money PAYMENT = Money.ofMinor(USD, SplitJournals.PAYMENT_MINOR);
        private static final Money ISV_SHARE = Money.ofMinor(USD, SplitJournals.ISV_MINOR);
        private static final Money PARTNER_SHARE = Money.ofMinor(USD, SplitJournals.PARTNER_MINOR);
        private static final Money FEE = Money.ofMinor(USD, SplitJournals.FEE_MINOR);
        private static final LedgerAccount CASH = LedgerAccount.marketplace(AccountRole.MARKETPLACE_CASH, USD);
        private static final LedgerAccount CLEARING = LedgerAccount.marketplace(AccountRole.MARKETPLACE_CLEARING, USD);
        private static final LedgerAccount FEES = LedgerAccount.marketplace(AccountRole.FEE_REVENUE, USD);

        private final Ledger ledger;
        private final TransactionTemplate transactions;
        /** Fresh for each run of the harness, so keys never collide with an earlier run's on a kept database. */
        private final String run = UUID.randomUUID().toString();

        private final List<LedgerAccount> receivables = accounts(SplitJournals.BUYERS, AccountRole.BUYER_RECEIVABLE);
        private final List<LedgerAccount> isvs = accounts(SplitJournals.ISVS, AccountRole.SELLER_PAYABLE);
        private final List<LedgerAccount> partners = accounts(SplitJournals.PARTNERS, AccountRole.PARTNER_PAYABLE);

        Journals(Ledger ledger, TransactionTemplate transactions) {
            this.ledger = ledger;
            this.transactions = transactions;
        }

        int createAccounts() {
            var entries = new ArrayList<JournalEntry>();
            for (int i = 0; i < SplitJournals.BUYERS; i++) {
                entries.add(entry(
                        "bench-setup:" + run + ":" + i,
                        receivables.get(i),
                        isvs.get(i % SplitJournals.ISVS),
                        partners.get(i % SplitJournals.PARTNERS)));
            }
            transactions.executeWithoutResult(status -> ledger.postAll(entries));
            return receivables.size() + isvs.size() + partners.size() + 3;
        }

        void post(String key) {
            var random = ThreadLocalRandom.current();
            var entry = entry(
                    key,
                    receivables.get(random.nextInt(receivables.size())),
                    isvs.get(random.nextInt(isvs.size())),
                    partners.get(random.nextInt(partners.size())));
            var fresh = transactions.execute(status -> ledger.post(entry));
            if (!Boolean.TRUE.equals(fresh)) {
                throw new IllegalStateException("entry " + key + " was not posted");
            }
        }

        private static JournalEntry entry(
                String key, LedgerAccount receivable, LedgerAccount isv, LedgerAccount partner) {
            return new JournalEntry(
                    key,
                    "COLLECTED",
                    key,
                    Instant.now(),
                    List.of(
                            new Posting(CASH, receivable, PAYMENT),
                            new Posting(CLEARING, isv, ISV_SHARE),
                            new Posting(CLEARING, partner, PARTNER_SHARE),
                            new Posting(CLEARING, FEES, FEE)));
        }

        private static List<LedgerAccount> accounts(int count, AccountRole role) {
            var accounts = new ArrayList<LedgerAccount>(count);
            for (int i = 0; i < count; i++) {
                accounts.add(new LedgerAccount(UUID.randomUUID(), role, USD));
            }
            return List.copyOf(accounts);
        }
    }
}
