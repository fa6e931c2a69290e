package io.offerdesk.platform.internal.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * PostgreSQL refuses to run as root, and CI and many containers run as root. When this JVM is root, the embedded
 * server's {@code initdb} and {@code pg_ctl} run as {@code nobody} instead: we unpack the bundled binaries where
 * zonky looks for them (its {@code PG-<md5>} folder, marked complete with {@code .exists}) and put a wrapper in front
 * of those two programs that drops privileges with {@code setpriv}. Everything else is zonky's ordinary start-up.
 */
final class RootlessPostgres {

    private static final Logger log = LoggerFactory.getLogger(RootlessPostgres.class);
    private static final String UNPRIVILEGED_USER = "nobody";
    private static final List<String> WRAPPED = List.of("initdb", "pg_ctl");

    private RootlessPostgres() {}

    static void prepare(EmbeddedPostgres.Builder builder, Path dataDirectory) throws IOException {
        if (!isRoot()) {
            return;
        }
        log.info("Running as root: the embedded PostgreSQL runs as '{}'", UNPRIVILEGED_USER);
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os(), architecture())) {
            archive = in.readAllBytes();
        }
        var workingDirectory = Path.of(System.getProperty("java.io.tmpdir"), "offerdesk-pg-rootless");
        var binaries = workingDirectory.resolve("PG-" + md5(archive));
        if (!Files.exists(binaries.resolve(".exists"))) {
            unpack(archive, binaries);
            for (var program : WRAPPED) {
                wrap(binaries.resolve("bin").resolve(program));
            }
            Files.createFile(binaries.resolve(".exists"));
        }
        giveToUnprivilegedUser(dataDirectory);
        builder.setOverrideWorkingDirectory(workingDirectory.toFile());
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void unpack(byte[] archive, Path target) throws IOException {
        Files.createDirectories(target);
        try (var tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                var path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry escapes its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    private static void wrap(Path program) throws IOException {
        var real = program.resolveSibling(program.getFileName() + ".real");
        Files.move(program, real);
        Files.writeString(
                program,
                """
                #!/bin/sh
                exec setpriv --reuid=%s --regid=%s --clear-groups "%s" "$@"
                """
                        .formatted(UNPRIVILEGED_USER, "nogroup", real));
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void giveToUnprivilegedUser(Path dataDirectory) throws IOException {
        var lookup = dataDirectory.getFileSystem().getUserPrincipalLookupService();
        var user = lookup.lookupPrincipalByName(UNPRIVILEGED_USER);
        Files.createDirectories(dataDirectory);
        try (var paths = Files.walk(dataDirectory)) {
            for (var path : paths.toList()) {
                Files.setOwner(path, user);
            }
        }
        Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
    }

    private static String os() {
        return "Linux";
    }

    private static String architecture() {
        var arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    private static String md5(byte[] archive) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
