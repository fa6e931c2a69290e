package io.offerdesk.platform.internal.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One embedded PostgreSQL server per data directory and JVM. Test suites start many Spring contexts; they all share
 * the server of their directory instead of starting one each, and it stops when the JVM exits.
 */
final class EmbeddedDatabases {

    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();

    private EmbeddedDatabases() {}

    static synchronized EmbeddedPostgres startOrReuse(Path dataDirectory) throws IOException {
        var directory = dataDirectory.toAbsolutePath().normalize();
        var running = RUNNING.get(directory);
        if (running != null) {
            return running;
        }
        Files.createDirectories(directory);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        RootlessPostgres.prepare(builder, directory);
        var postgres = builder.start();
        RUNNING.put(directory, postgres);
        return postgres;
    }
}
