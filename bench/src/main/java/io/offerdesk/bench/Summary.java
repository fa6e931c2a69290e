package io.offerdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole run in one table, a line per measured row: scenarios with their ratio to the baseline, paced rows,
 * baselines, jobs, probes (webhook delivery, noisy neighbour) and the app's start-up time and peak memory. Printed
 * last, and written as JSON and as the Markdown table {@code docs/performance.md} embeds. The sections' own reports
 * (printed and written before it) keep every detail; this is the table of issue #11's targets.
 *
 * @param machineLoad how busy the machine was before the run, in words (load average and idle share)
 * @param seconds the run's wall time, from the harness's start to this table
 */
record Summary(
        Instant startedAt,
        String what,
        String machine,
        String machineLoad,
        long seconds,
        List<Line> lines,
        boolean valid) {

    private static final int MEASURED_WIDTH = 72;

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * One measured row.
     *
     * @param measured what was measured, in words with units
     * @param comparedWith the ratio to the row's baseline, "baseline" for a baseline, or empty
     * @param target the goal in words, or empty when the row has none
     * @param result met, MISSED, or empty when the row has no target
     */
    record Line(String row, String measured, String comparedWith, String target, String result) {

        static Line of(String row, String measured, String comparedWith, String target, Boolean met) {
            return new Line(row, measured, comparedWith, target, met == null ? "" : met ? "met" : "MISSED");
        }
    }

    String text() {
        var out = new StringBuilder();
        out.append(format("Offerdesk bench suite table, %s (%s, %d s)%n", startedAt, what, seconds));
        out.append(format("machine      %s%n", machine));
        out.append(format("load         %s%n%n", machineLoad));
        var rowWidth = Math.max(
                24, lines.stream().mapToInt(l -> l.row().length()).max().orElse(0) + 1);
        // Most rows fit in this; a longer one (a job's failure) runs over rather than pushing every row's columns.
        var measuredWidth = Math.min(
                MEASURED_WIDTH,
                lines.stream().mapToInt(l -> l.measured().length()).max().orElse(0) + 1);
        var lineFormat = "%-" + rowWidth + "s %-" + measuredWidth + "s %-8s %s%n";
        out.append(format(lineFormat, "row", "measured", "result", "target / compared with"));
        for (var line : lines) {
            var target = line.target().isEmpty()
                    ? line.comparedWith()
                    : line.comparedWith().isEmpty() ? line.target() : line.target() + "; " + line.comparedWith();
            out.append(format(lineFormat, line.row(), line.measured(), line.result(), target));
        }
        if (!valid) {
            out.append(format("%n!!! THIS RUN IS NOT VALID: a section failed; see its report above.%n"));
        }
        return out.toString();
    }

    /** The table as {@code docs/performance.md} embeds it, with the run's circumstances above it. */
    String markdown() {
        var out = new StringBuilder();
        out.append(format("Run of `bench/run %s`, %s, %d s.%n", what, startedAt, seconds));
        out.append(format("Machine: %s. Load before the run: %s.%n%n", machine, machineLoad));
        out.append("| row | measured | compared with | target | result |\n");
        out.append("|---|---|---|---|---|\n");
        for (var line : lines) {
            out.append(format(
                    "| %s | %s | %s | %s | %s |%n",
                    cell(line.row()),
                    cell(line.measured()),
                    cell(line.comparedWith()),
                    cell(line.target()),
                    line.result().equals("MISSED") ? "**MISSED**" : line.result()));
        }
        if (!valid) {
            out.append("\n**Not a valid run**: a section failed; see the run's output.\n");
        }
        return out.toString();
    }

    /** Writes {@code <time>-<what>.json} and {@code .md}; returns the Markdown file. */
    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        var base = "%s-%s".formatted(FILE_TIME.format(startedAt), what.replace(' ', '+'));
        var json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(directory.resolve(base + ".json"), json.writeValueAsString(this) + "\n");
        var markdown = directory.resolve(base + ".md");
        Files.writeString(markdown, markdown());
        return markdown;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
