package io.offerdesk.platform.crash;

import io.offerdesk.OfferdeskApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application as a JVM process of its own (the test JVM's class path and the app's main class), on the harness's
 * PostgreSQL as an external database, so that the harness can {@code kill -9} it ({@link Process#destroyForcibly()}
 * is SIGKILL on Linux) and start it again on the same port.
 */
public final class AppProcess implements AutoCloseable {

    /**
     * How long a start may take: about 15 s on an idle 2-core machine, but more than 3 min was seen at a load average
     * of 40 on the shared one.
     */
    private static final Duration READY_WITHIN = Duration.parse(System.getProperty("crash.readyWithin", "PT10M"));

    private final KillablePostgres postgres;
    private final int port;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private AppProcess(KillablePostgres postgres, Path directory) throws IOException {
        this.postgres = postgres;
        this.port = freePort();
        this.log = directory.resolve("app.log");
    }

    /** Starts the app (the demo marketplace is seeded by the first start) and waits until it is ready. */
    public static AppProcess started(KillablePostgres postgres, Path directory)
            throws IOException, InterruptedException {
        var app = new AppProcess(postgres, directory);
        app.start();
        return app;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public void start() throws IOException, InterruptedException {
        var launcher = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(
                launcher,
                "-Xmx512m",
                // Start-up time is the harness's downtime per kill; C1 alone is enough for this load.
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                OfferdeskApplication.class.getName(),
                // The test profile: demo marketplace, simulation, plain-http webhook receivers on localhost.
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--server.port=" + port,
                "--offerdesk.rate-limits.enabled=false",
                // Due work (invoicing, disbursement, webhook delivery) polls as in production, only faster.
                "--offerdesk.jobs.poll-interval=PT1S",
                // A listener cut off by a kill leaves its publication in progress (or published, not yet picked up):
                // stale after this long, it is marked failed and resubmitted. Production waits an hour
                // (application.yml),
                // which is how long a crash there may delay a webhook or another listener's effect.
                "--spring.modulith.events.staleness.published=PT30S",
                "--spring.modulith.events.staleness.processing=PT30S",
                "--spring.modulith.events.staleness.resubmission=PT30S",
                "--spring.modulith.events.staleness.check-intervall=PT5S",
                "--offerdesk.events.resubmit-interval=PT5S",
                "--offerdesk.events.resubmit-after=PT5S",
                "--logging.level.root=WARN",
                "--logging.level.io.offerdesk=WARN"));
        Files.writeString(log, "---- start\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitReady();
    }

    /** Waits until {@code /actuator/health} answers UP, which needs the database too. */
    public void awaitReady() throws IOException, InterruptedException {
        var deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the app exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var health = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IOException("the app was not ready within " + READY_WITHIN + "; see " + log);
    }

    /** {@code kill -9}: no shutdown hook runs, requests in flight are cut off. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
