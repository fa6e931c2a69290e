package io.offerdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The app's process as bench/run started it: how long it took from its start to {@code /actuator/health} UP, and the
 * most memory it held resident over the run ({@code VmHWM} of {@code /proc/<pid>/status}, read when everything else
 * was measured, so under every load of the run). The JVM only: the embedded PostgreSQL's processes, which a deployment
 * runs apart, are not counted; their start is part of the app's start-up, though, as the app starts its embedded
 * server before it is ready.
 *
 * @param javaOptions the JVM options the app ran with (heap settings), as bench/run passed them
 */
record AppProcess(long pid, Duration startToReady, String javaOptions) {

    static final Duration START_TARGET = Duration.ofSeconds(15);
    static final long MEMORY_TARGET_BYTES = 1L << 30;

    /** The peak resident set so far, in bytes; empty where /proc does not tell it (not Linux) or the app is gone. */
    java.util.Optional<Long> peakResidentBytes() {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    // "VmHWM:   812345 kB"
                    var kib = Long.parseLong(
                            line.substring("VmHWM:".length()).replace("kB", "").trim());
                    return java.util.Optional.of(kib * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // reported as unknown
        }
        return java.util.Optional.empty();
    }

    List<Summary.Line> lines() {
        var peak = peakResidentBytes();
        var startSeconds = startToReady.toMillis() / 1000.0;
        return List.of(
                Summary.Line.of(
                        "app start to ready",
                        format(
                                "%.1f s from process start to /actuator/health UP (the embedded PostgreSQL's start"
                                        + " included)",
                                startSeconds),
                        "",
                        format("at most %d s", START_TARGET.toSeconds()),
                        startToReady.compareTo(START_TARGET) <= 0),
                Summary.Line.of(
                        "app peak resident memory",
                        peak.map(bytes -> format(
                                        "%,.0f MiB VmHWM of the JVM over the whole run (%s)",
                                        bytes / (1024.0 * 1024),
                                        javaOptions.isBlank() ? "no JVM options" : javaOptions))
                                .orElse("unknown: no /proc/%d/status".formatted(pid)),
                        "",
                        "at most 1 GiB",
                        peak.map(bytes -> bytes <= MEMORY_TARGET_BYTES).orElse(null)));
    }

    private static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
