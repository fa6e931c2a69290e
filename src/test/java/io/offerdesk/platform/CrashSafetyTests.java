package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.platform.crash.AppProcess;
import io.offerdesk.platform.crash.InDoubtClient;
import io.offerdesk.platform.crash.KillablePostgres;
import io.offerdesk.platform.crash.MixedLoad;
import io.offerdesk.support.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety (issue #11 item 3, ADR 0048): the app and its PostgreSQL run as processes of their own, mixed load runs
 * against them with clients that retry requests in doubt under the same {@code Idempotency-Key}, and the harness
 * {@code kill -9}s the app or the database at random moments, restarts it, and after each recovery holds every request
 * to its effect (one for what the client saw succeed, at most one for anything else) and runs the ledger's own
 * invariant check. At the end every acceptance's webhook has been delivered.
 *
 * <p>The suite runs a reduced form (2 app kills, 1 database kill). The full form of the issue:
 * {@code ./mvnw -o verify -Dtest=CrashSafetyTests -Dcrash.appKills=100 -Dcrash.pgKills=20 -Dcrash.purchases=2000}
 * (docs/operations.md, "Crash safety", lists every property). It does not use the suite's shared database or clock.
 */
class CrashSafetyTests {

    static final int APP_KILLS = Integer.getInteger("crash.appKills", 2);
    static final int PG_KILLS = Integer.getInteger("crash.pgKills", 1);
    static final int PURCHASES = Integer.getInteger("crash.purchases", 60);
    static final int BUYERS = Integer.getInteger("crash.buyers", 2);
    static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    /** Load between kills, at random between these. */
    static final Duration MIN_LOAD = Duration.parse(System.getProperty("crash.minLoad", "PT2S"));

    static final Duration MAX_LOAD = Duration.parse(System.getProperty("crash.maxLoad", "PT6S"));
    /**
     * How long a client retries a request the app answers "in progress". A key claimed by a killed app stays so until
     * its claim expires: set this longer than the claim lease (offerdesk.idempotency.lease) and every request ends
     * definitively. Retries while the app is down do not count.
     */
    static final Duration RETRY_WINDOW = Duration.parse(System.getProperty("crash.retryWindow", "PT15S"));
    /** Fail when a request was abandoned in doubt: with claim leases shorter than the retry window, none may be. */
    static final boolean REQUIRE_DEFINITIVE = Boolean.getBoolean("crash.requireDefinitive");

    @TempDir
    Path directory;

    @Test
    void acknowledgedEffectsSurviveKillsOfTheAppAndTheDatabaseExactlyOnce() throws Exception {
        var random = new Random(SEED);
        var kills = new ArrayList<Character>();
        kills.addAll(Collections.nCopies(APP_KILLS, 'A'));
        kills.addAll(Collections.nCopies(PG_KILLS, 'P'));
        Collections.shuffle(kills, random);
        var appRecoveries = new ArrayList<Long>();
        var pgRecoveries = new ArrayList<Long>();
        var log = directory.resolve("app.log");
        try (var postgres = KillablePostgres.started(directory);
                var app = AppProcess.started(postgres, directory);
                var receiver = WebhookReceiver.started()) {
            var client = new InDoubtClient(app.baseUrl(), RETRY_WINDOW);
            var load = new MixedLoad(postgres, client, receiver);
            load.prepare(PURCHASES);
            load.start(BUYERS);
            for (int i = 0; i < kills.size(); i++) {
                Thread.sleep(
                        MIN_LOAD.toMillis() + random.nextLong(Math.max(1, MAX_LOAD.toMillis() - MIN_LOAD.toMillis())));
                var killed = System.nanoTime();
                if (kills.get(i) == 'A') {
                    app.kill();
                    app.start();
                    appRecoveries.add((System.nanoTime() - killed) / 1_000_000);
                } else {
                    postgres.kill();
                    postgres.start();
                    // The app's pool reconnects by itself; ready is its health (which reads the database) UP again.
                    app.awaitReady();
                    pgRecoveries.add((System.nanoTime() - killed) / 1_000_000);
                }
                var broken = load.check();
                assertThat(broken)
                        .as(
                                "after kill %d of %d (%s), seed %d; app log target/crash-safety-app.log",
                                i + 1, kills.size(), kills.get(i), SEED)
                        .isEmpty();
            }
            load.stop();

            // Quiet: the app finishes what the kills interrupted (due work at its next poll, listeners once their
            // publications went stale and were resubmitted: AppProcess sets how soon); up to two minutes.
            var unfinished = load.unfinished();
            for (int i = 0; i < 240 && !unfinished.isEmpty(); i++) {
                Thread.sleep(500);
                unfinished = load.unfinished();
            }
            var tally = load.tally();
            System.out.printf(
                    "crash safety: seed %d, %d app kills (recovered in %s ms), %d database kills (recovered in %s ms),"
                            + " %d purchases, %d usage records, %d sends after doubt, %d requests abandoned after their effect, %d webhook"
                            + " events received twice; requests %s%n",
                    SEED,
                    appRecoveries.size(),
                    summary(appRecoveries),
                    pgRecoveries.size(),
                    summary(pgRecoveries),
                    load.purchasesMade(),
                    load.meteredRecords(),
                    load.sentAfterDoubt(),
                    load.abandonedAfterEffect(),
                    load.redelivered(),
                    tally);
            assertThat(load.check()).as("at the end, seed %d", SEED).isEmpty();
            assertThat(unfinished).as("owed after the load, seed %d", SEED).isEmpty();
            assertThat(tally.get(MixedLoad.Kind.ACCEPT)).as("acceptances made").containsKey("201");
            assertThat(load.meteredRecords()).as("usage records stored").isPositive();
            if (REQUIRE_DEFINITIVE) {
                assertThat(tally.values().stream().flatMap(outcomes -> outcomes.keySet().stream()))
                        .as("requests abandoned in doubt")
                        .doesNotContain("abandoned");
            }
        } finally {
            // The temporary directory goes; its app log is kept next to the surefire reports.
            if (Files.exists(log)) {
                Files.copy(log, Path.of("target", "crash-safety-app.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String summary(List<Long> millis) {
        if (millis.isEmpty()) {
            return "-";
        }
        var sorted = millis.stream().sorted().toList();
        return "min %d, median %d, max %d"
                .formatted(sorted.getFirst(), sorted.get(sorted.size() / 2), sorted.getLast());
    }
}
