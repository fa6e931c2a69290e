package io.offerdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Where a run happened. Numbers from different machines do not compare; ratios from one run do.
 *
 * @param idleBeforeRun the share of CPU time that was idle just before the first measurement, while the app and its
 *     database had nothing to do; well below 1 means other processes were using the cores, and every number of the
 *     run is lower and noisier than the machine can do. Null where /proc/stat does not exist.
 */
record Machine(
        int cores,
        String cpu,
        long memoryBytes,
        Double idleBeforeRun,
        String os,
        String jdk,
        String postgres,
        Map<String, String> postgresSettings) {

    /** Below this idle share a report warns that the machine was busy. */
    static final double BUSY_BELOW_IDLE = 0.8;

    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static final Path CPU_TIMES = Path.of("/proc/stat");
    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");
    private static final Duration IDLE_SAMPLE = Duration.ofSeconds(2);

    /**
     * Describes this machine, and samples how idle it is for a moment. The load generator runs on the same JDK and
     * machine as the application; bench/run starts both.
     */
    static Machine current(String postgresVersion, Map<String, String> postgresSettings) throws InterruptedException {
        var system = ManagementFactory.getOperatingSystemMXBean();
        var memory = system instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : -1;
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                memory,
                idleShare(),
                "%s %s %s"
                        .formatted(
                                System.getProperty("os.name"),
                                System.getProperty("os.version"),
                                System.getProperty("os.arch")),
                "%s (%s)".formatted(Runtime.version(), System.getProperty("java.vendor")),
                postgresVersion,
                postgresSettings);
    }

    /**
     * How busy the machine was as the run began, in words: the load averages of /proc/loadavg next to the cores, and
     * the idle share of a 2 s sample. The app has started by then but has nothing to do yet.
     */
    static String loadAverage() throws InterruptedException {
        var idle = idleShare();
        String averages;
        try {
            var fields = Files.readString(LOAD_AVERAGE).trim().split("\\s+");
            averages = "load average %s, %s, %s".formatted(fields[0], fields[1], fields[2]);
        } catch (IOException | RuntimeException e) {
            averages = "load average unknown";
        }
        return "%s on %d cores, %s idle"
                .formatted(
                        averages,
                        Runtime.getRuntime().availableProcessors(),
                        idle == null ? "?" : "%.0f%%".formatted(100 * idle));
    }

    /** The machine in one line, without the database (which the scenarios' report gives). */
    static String describe() {
        var system = ManagementFactory.getOperatingSystemMXBean();
        var memory = system instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : -1;
        return "%d cores, %s, %.1f GiB, %s %s, JDK %s"
                .formatted(
                        Runtime.getRuntime().availableProcessors(),
                        cpuModel(),
                        memory / (1024.0 * 1024 * 1024),
                        System.getProperty("os.name"),
                        System.getProperty("os.version"),
                        Runtime.version());
    }

    boolean busy() {
        return idleBeforeRun != null && idleBeforeRun < BUSY_BELOW_IDLE;
    }

    private static String cpuModel() {
        try (var lines = Files.lines(CPU_INFO)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    private static Double idleShare() throws InterruptedException {
        try {
            var before = cpuTimes();
            Thread.sleep(IDLE_SAMPLE);
            var after = cpuTimes();
            // The fields are user, nice, system, idle, iowait, irq, softirq, steal; waiting for I/O is idle CPU.
            var idle = (after[3] + after[4]) - (before[3] + before[4]);
            var total = Arrays.stream(after).sum() - Arrays.stream(before).sum();
            return total > 0 ? (double) idle / total : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The first eight fields of the all-cores line; guest time is already counted in user time. */
    private static long[] cpuTimes() throws IOException {
        var allCores = Files.readAllLines(CPU_TIMES).getFirst().trim().split("\\s+");
        return Arrays.stream(allCores, 1, 9).mapToLong(Long::parseLong).toArray();
    }
}
