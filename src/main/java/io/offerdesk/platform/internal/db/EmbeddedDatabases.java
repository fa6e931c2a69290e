package io.offerdesk.platform.internal.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One embedded PostgreSQL server per data directory and JVM. Test suites start many Spring contexts; they all share
 * one server instead of starting one each, and it stops when the JVM exits, after the contexts that use it have
 * closed: stopped while a context still closes (zonky's own shutdown hook races Spring's), the context's last work
 * waits on connections that never come, and the JVM takes half a minute and more to exit.
 */
final class EmbeddedDatabases {

    /** The key of the JVM's throw-away server, which has no data directory of its own until it starts. */
    private static final String THROW_AWAY = "";

    /**
     * How long the JVM's exit waits for contexts still open before it stops the servers anyway: longer than a
     * graceful shutdown's phases take, so that only a context nobody closes is ever cut short.
     */
    private static final Duration CLOSING_GRACE = Duration.ofSeconds(60);

    private static final Map<String, EmbeddedPostgres> RUNNING = new HashMap<>();
    private static int leases;

    private EmbeddedDatabases() {}

    /** A context's use of a server: closing it (the context closes its beans) lets the JVM's exit stop the server. */
    static final class Lease implements AutoCloseable {

        private final EmbeddedPostgres server;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(EmbeddedPostgres server) {
            this.server = server;
        }

        String jdbcUrl() {
            return server.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                released();
            }
        }
    }

    /**
     * The server for this data directory, kept across restarts; with a blank directory, a throw-away server in a
     * fresh temporary directory that is deleted when the JVM exits (what test suites use).
     */
    static synchronized Lease lease(String dataDirectory) throws IOException {
        var key = dataDirectory.isBlank()
                ? THROW_AWAY
                : Path.of(dataDirectory).toAbsolutePath().normalize().toString();
        var running = RUNNING.get(key);
        if (running == null) {
            if (RUNNING.isEmpty()) {
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabases::stopAll, "embedded-postgres-stop"));
            }
            running = start(key.equals(THROW_AWAY) ? null : Path.of(key));
            RUNNING.put(key, running);
        }
        leases++;
        return new Lease(running);
    }

    private static synchronized void released() {
        leases--;
        EmbeddedDatabases.class.notifyAll();
    }

    /** At the JVM's exit, alongside the contexts' own shutdown hooks: stops every server once they have closed. */
    private static synchronized void stopAll() {
        var deadline = System.nanoTime() + CLOSING_GRACE.toNanos();
        try {
            for (var left = CLOSING_GRACE.toMillis();
                    leases > 0 && left > 0;
                    left = (deadline - System.nanoTime()) / 1_000_000) {
                EmbeddedDatabases.class.wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (var server : RUNNING.values()) {
            try {
                server.close();
            } catch (IOException e) {
                // the JVM is exiting: nothing is left to tell but the log zonky already wrote
            }
        }
    }

    private static EmbeddedPostgres start(@Nullable Path keptDirectory) throws IOException {
        var directory = keptDirectory == null ? Files.createTempDirectory("offerdesk-db-") : keptDirectory;
        Files.createDirectories(directory);
        // As root, zonky runs PostgreSQL in a user namespace (unshare -U), since PostgreSQL refuses to run as root.
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(keptDirectory == null)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .start();
    }
}
