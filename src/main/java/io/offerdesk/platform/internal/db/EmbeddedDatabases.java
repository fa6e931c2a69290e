package io.offerdesk.platform.internal.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One embedded PostgreSQL server per data directory and JVM. Test suites start many Spring contexts; they all share
 * one server instead of starting one each, and it stops when the JVM exits.
 */
final class EmbeddedDatabases {

    /** The key of the JVM's throw-away server, which has no data directory of its own until it starts. */
    private static final String THROW_AWAY = "";

    private static final Map<String, EmbeddedPostgres> RUNNING = new HashMap<>();

    private EmbeddedDatabases() {}

    /**
     * The server for this data directory, kept across restarts; with a blank directory, a throw-away server in a
     * fresh temporary directory that is deleted when the JVM exits (what test suites use).
     */
    static synchronized EmbeddedPostgres startOrReuse(String dataDirectory) throws IOException {
        var key = dataDirectory.isBlank()
                ? THROW_AWAY
                : Path.of(dataDirectory).toAbsolutePath().normalize().toString();
        var running = RUNNING.get(key);
        if (running == null) {
            running = start(key.equals(THROW_AWAY) ? null : Path.of(key));
            RUNNING.put(key, running);
        }
        return running;
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
                .start();
    }
}
