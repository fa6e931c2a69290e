package io.offerdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One job's result, as text for people and as JSON for comparing runs. The target is reported, never enforced; a job
 * that failed or left work undone invalidates the run.
 *
 * @param setup what the job was set up with, in words
 * @param wallSeconds from the request that started it until the client saw it done
 */
record JobReport(
        Instant startedAt,
        String job,
        String setup,
        Machine machine,
        String jdbcUrl,
        String appUrl,
        double wallSeconds,
        long items,
        String unit,
        double itemsPerSecond,
        List<String> notes,
        double targetSeconds,
        boolean met,
        String failure,
        boolean valid) {

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    static JobReport of(
            Instant startedAt,
            Job job,
            String setup,
            Machine machine,
            String jdbcUrl,
            String appUrl,
            Job.Result result) {
        var wall = result.wallTime().toNanos() / 1e9;
        var target = job.target().toNanos() / 1e9;
        var valid = result.failure() == null;
        return new JobReport(
                startedAt,
                job.name(),
                setup,
                machine,
                jdbcUrl,
                appUrl,
                wall,
                result.items(),
                result.unit(),
                result.itemsPerSecond(),
                result.notes(),
                target,
                valid && wall <= target,
                result.failure(),
                valid);
    }

    /** The job's row in the suite's table. */
    Summary.Line line() {
        return Summary.Line.of(
                job,
                failure == null
                        ? String.format(
                                Locale.ROOT, "%.1f s wall, %,.0f %s/s (%s)", wallSeconds, itemsPerSecond, unit, setup)
                        : "FAILED: " + shortened(failure),
                "",
                String.format(Locale.ROOT, "at most %.0f s", targetSeconds),
                met);
    }

    /** A failure's first 160 characters: enough to say what failed; the job's own report has all of it. */
    private static String shortened(String failure) {
        return failure.length() <= 160 ? failure : failure.substring(0, 160) + "…";
    }

    String text() {
        var out = new StringBuilder();
        line(out, "Offerdesk bench job %s, %s", job, startedAt);
        line(
                out,
                "machine      %d cores, %s, %.1f GiB, %s; %s idle before the run",
                machine.cores(),
                machine.cpu(),
                machine.memoryBytes() / (1024.0 * 1024 * 1024),
                machine.os(),
                machine.idleBeforeRun() == null ? "?" : "%.0f%%".formatted(100 * machine.idleBeforeRun()));
        line(out, "jdk          %s (client and app)", machine.jdk());
        line(out, "database     %s", machine.postgres());
        line(out, "             the app's embedded server, %s", jdbcUrl);
        line(
                out,
                "             %s",
                machine.postgresSettings().entrySet().stream()
                        .map(setting -> setting.getKey() + "=" + setting.getValue())
                        .collect(Collectors.joining(" ")));
        line(out, "app          %s, demo mode", appUrl);
        line(out, "setup        %s", setup);
        out.append('\n');
        line(out, "%-22s %10s %14s  %s", "job", "wall s", unit + "/s", "");
        line(out, "%-22s %10.1f %,14.0f  %,d %s", job, wallSeconds, itemsPerSecond, items, unit);
        for (var note : notes) {
            line(out, "             %s", note);
        }
        out.append('\n');
        line(
                out,
                "target       %s: at most %.0f s: %s (%.1f s)",
                job,
                targetSeconds,
                met ? "met" : "MISSED",
                wallSeconds);
        if (machine.busy()) {
            line(
                    out,
                    "warning      other processes were using the CPU before the run; the time is longer and noisier"
                            + " than this machine can do.");
        }
        if (!valid) {
            out.append('\n');
            line(out, "!!! THIS RUN IS NOT VALID: %s", failure);
        }
        return out.toString();
    }

    Path writeJson(Path directory) throws IOException {
        Files.createDirectories(directory);
        var file = directory.resolve("%s-%s.json".formatted(FILE_TIME.format(startedAt), job));
        var json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(file, json.writeValueAsString(this) + "\n");
        return file;
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
