package io.offerdesk.platform.crash;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the crash harness's own: zonky's binaries (the app's embedded server) on a data directory
 * and port the harness keeps, running as a process of its own (zonky starts it with {@code pg_ctl}), so that the
 * harness can {@code kill -9} its postmaster and start it again on the same directory, where it recovers from its WAL.
 *
 * <p>zonky runs the server with {@code fsync=off}: a killed process leaves what it wrote in the operating system's page
 * cache, which survives, so a process kill loses nothing that was written; an operating-system crash or power loss
 * would, so this harness proves nothing about those. {@code synchronous_commit} is switched back on: with it off (zonky's
 * default) a commit is acknowledged before its WAL leaves the server's shared memory, and a kill of the server loses
 * it — production runs money paths with it on (docs/deployment.md).
 */
public final class KillablePostgres implements AutoCloseable {

    private final Path directory;
    private final int port;
    private EmbeddedPostgres server;

    private KillablePostgres(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Starts a fresh server in a new directory under {@code parent}, on a free port. */
    public static KillablePostgres started(Path parent) throws IOException {
        var postgres = new KillablePostgres(Files.createDirectories(parent.resolve("postgres")), AppProcess.freePort());
        postgres.start();
        return postgres;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    public java.sql.Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), "");
    }

    /** {@code kill -9} of the postmaster, as a crash of the server would; its backends die with it. */
    public void kill() throws IOException {
        var pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid"))
                .getFirst()
                .trim());
        var postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IOException("no postmaster " + pid));
        var backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        postmaster.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        // Backends notice their postmaster's death and exit; a new postmaster refuses to start while any of them
        // still holds the old shared memory, so wait for them (and kill any that lingers, as the OS would).
        for (var backend : backends) {
            backend.destroyForcibly();
            backend.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
        try {
            // Frees zonky's lock on the directory; its pg_ctl stop finds no server.
            server.close();
        } catch (IOException | RuntimeException expected) {
            // The server is gone already.
        }
    }

    /** Starts the server on its directory and port again; it replays its WAL before it accepts connections. */
    public void start() throws IOException {
        server = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "100")
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(120))
                .start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
