package io.offerdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run's results: the scenarios next to the raw PostgreSQL baselines, as a text table for people and as JSON for
 * comparing runs. Targets are reported, never enforced; errors invalidate the run and are shouted about.
 */
record Report(
        Instant startedAt,
        List<String> scenarios,
        Machine machine,
        Load load,
        String jdbcUrl,
        List<Row> rows,
        List<TargetCheck> targets,
        boolean valid) {

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    record Load(
            int concurrency,
            long warmUpSeconds,
            long baselineWarmUpSeconds,
            long windowSeconds,
            int rounds,
            int productsCreated,
            int selectBaselineRows,
            String appUrl) {}

    /**
     * A measured row. Latencies are in milliseconds and null when no call succeeded.
     *
     * @param kind scenario, paced (a scenario's second measurement, at a share of its closed-loop rate) or baseline
     * @param warmUpSeconds how long the row was warmed up: a scenario's warm-up goes on while its rate still climbs
     * @param ratio the scenario's rate divided by {@code comparedWith}'s rate; for a paced row, its scheduled rate
     *     divided by its scenario's closed-loop rate; null for baselines
     * @param scheduledOpsPerSecond the rate a paced row's calls were sent at; null for the others
     */
    record Row(
            String name,
            String kind,
            long warmUpSeconds,
            double opsPerSecond,
            double rowsPerSecond,
            Double p50Ms,
            Double p90Ms,
            Double p99Ms,
            Double p999Ms,
            Double maxMs,
            long calls,
            long errors,
            Map<String, Long> errorsByKind,
            boolean callCapReached,
            Double ratio,
            String comparedWith,
            Double scheduledOpsPerSecond) {}

    /**
     * A scenario measured a second time in an open loop at a share of its closed-loop rate.
     *
     * @param scheduledOpsPerSecond the rate the calls were sent at: {@code shareOfMax} times the closed-loop rate
     */
    record Paced(Measurement measurement, Duration warmUp, double shareOfMax, double scheduledOpsPerSecond) {}

    /**
     * A target's bounds (null when not part of it) next to what was measured. When {@code latencyAtShareOfMax} is set,
     * the latencies are those of the paced measurement at that share of the closed-loop rate, sent at
     * {@code pacedOpsPerSecond}.
     */
    record TargetCheck(
            String scenario,
            Double minimumRatio,
            Double minimumOpsPerSecond,
            Double p50BelowMs,
            Double p99BelowMs,
            String comparedWith,
            Double ratio,
            Double opsPerSecond,
            Double p50Ms,
            Double p99Ms,
            boolean met,
            Double latencyAtShareOfMax,
            Double pacedOpsPerSecond) {}

    static Report of(
            Instant startedAt,
            Machine machine,
            Load load,
            String jdbcUrl,
            Map<Scenario, Measurement> scenarios,
            Map<Baseline, Measurement> baselines,
            Map<Scenario, Paced> paced,
            Map<String, Duration> warmUps) {
        var rows = new ArrayList<Row>();
        var targets = new ArrayList<TargetCheck>();
        scenarios.forEach((scenario, measurement) -> {
            var baseline = baselines.get(scenario.comparedWith());
            var ratio = measurement.callsPerSecond() / baseline.callsPerSecond();
            rows.add(row(
                    measurement,
                    "scenario",
                    warmUps.get(scenario.name()),
                    1,
                    finite(ratio),
                    scenario.comparedWith().label(),
                    null));
            var pacedRun = paced.get(scenario);
            if (pacedRun != null) {
                rows.add(row(
                        pacedRun.measurement(),
                        "paced",
                        pacedRun.warmUp(),
                        1,
                        pacedRun.shareOfMax(),
                        scenario.name(),
                        pacedRun.scheduledOpsPerSecond()));
            }
            scenario.target().ifPresent(target -> targets.add(check(scenario, target, ratio, measurement, pacedRun)));
        });
        baselines.forEach((baseline, measurement) -> rows.add(
                row(measurement, "baseline", warmUps.get(baseline.label()), baseline.rowsPerCall(), null, null, null)));
        var valid = rows.stream().allMatch(row -> row.errors() == 0 && !row.callCapReached());
        return new Report(
                startedAt,
                scenarios.keySet().stream().map(Scenario::name).toList(),
                machine,
                load,
                jdbcUrl,
                List.copyOf(rows),
                List.copyOf(targets),
                valid);
    }

    private static Row row(
            Measurement measurement,
            String kind,
            Duration warmUp,
            int rowsPerCall,
            Double ratio,
            String comparedWith,
            Double scheduledOpsPerSecond) {
        return new Row(
                measurement.name(),
                kind,
                warmUp.toSeconds(),
                measurement.callsPerSecond(),
                measurement.callsPerSecond() * rowsPerCall,
                finite(measurement.percentileMillis(50)),
                finite(measurement.percentileMillis(90)),
                finite(measurement.percentileMillis(99)),
                finite(measurement.percentileMillis(99.9)),
                finite(measurement.maxMillis()),
                measurement.calls(),
                measurement.errors(),
                measurement.errorsByKind(),
                measurement.callCapReached(),
                ratio,
                comparedWith,
                scheduledOpsPerSecond);
    }

    /**
     * Met when no call failed and every bound the target names holds; NaN (no successful call) holds none. The
     * latency bounds of a paced target are checked against the paced run, which must then have been measured.
     */
    private static TargetCheck check(
            Scenario scenario, Scenario.Target target, double ratio, Measurement measurement, Paced paced) {
        var rate = measurement.callsPerSecond();
        var latencies = target.paced() ? (paced == null ? null : paced.measurement()) : measurement;
        var p50 = latencies == null ? Double.NaN : latencies.percentileMillis(50);
        var p99 = latencies == null ? Double.NaN : latencies.percentileMillis(99);
        var p50BelowMs = millis(target.p50Below());
        var p99BelowMs = millis(target.p99Below());
        var met = measurement.errors() == 0
                && latencies != null
                && latencies.errors() == 0
                && (target.minimumRatio() == null || ratio >= target.minimumRatio())
                && (target.minimumOpsPerSecond() == null || rate >= target.minimumOpsPerSecond())
                && (p50BelowMs == null || p50 < p50BelowMs)
                && (p99BelowMs == null || p99 < p99BelowMs);
        return new TargetCheck(
                scenario.name(),
                target.minimumRatio(),
                target.minimumOpsPerSecond(),
                p50BelowMs,
                p99BelowMs,
                scenario.comparedWith().label(),
                finite(ratio),
                finite(rate),
                finite(p50),
                finite(p99),
                met,
                target.latencyAtShareOfMax(),
                paced == null ? null : paced.scheduledOpsPerSecond());
    }

    private static Double millis(Duration duration) {
        return duration == null ? null : duration.toNanos() / 1e6;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    String text() {
        var out = new StringBuilder();
        line(out, "Offerdesk bench, %s", startedAt);
        line(
                out,
                "machine      %d cores, %s, %.1f GiB, %s; %s idle before the run",
                machine.cores(),
                machine.cpu(),
                gib(),
                machine.os(),
                machine.idleBeforeRun() == null ? "?" : "%.0f%%".formatted(100 * machine.idleBeforeRun()));
        line(out, "jdk          %s (load generator and app)", machine.jdk());
        line(out, "database     %s", machine.postgres());
        line(out, "             the app's embedded server, %s", jdbcUrl);
        line(
                out,
                "             %s",
                machine.postgresSettings().entrySet().stream()
                        .map(setting -> setting.getKey() + "=" + setting.getValue())
                        .collect(Collectors.joining(" ")));
        line(
                out,
                "load         %d concurrent clients, closed loop; %ds measured per row, compared rows in %d alternating"
                        + " rounds",
                load.concurrency(),
                load.windowSeconds(),
                load.rounds());
        line(
                out,
                "             after a warm-up of %ds (scenarios; up to 3 times that while their rate climbs) and %ds"
                        + " (baselines)",
                load.warmUpSeconds(),
                load.baselineWarmUpSeconds());
        rows.stream()
                .filter(row -> row.kind().equals("paced"))
                .forEach(row -> line(
                        out,
                        "             %s: then %ds in an open loop, paced at %.2f of its closed-loop rate after %ds"
                                + " of warm-up; latency from each call's scheduled time",
                        row.comparedWith(),
                        load.windowSeconds(),
                        row.ratio(),
                        row.warmUpSeconds()));
        line(
                out,
                "app          %s, demo mode%s",
                load.appUrl(),
                load.productsCreated() > 0
                        ? "; the demo seller created %d products".formatted(load.productsCreated())
                        : "");
        out.append('\n');
        line(out, "%-22s %10s %8s %8s %8s  %s", "scenario", "ops/s", "p50 ms", "p99 ms", "errors", "ratio");
        for (var row : rows) {
            var ratio = switch (row.kind()) {
                case "baseline" -> "baseline" + (row.rowsPerSecond() != row.opsPerSecond() ? rowsNote(row) : "");
                case "paced" ->
                    format(
                            "paced at %.2f of %s: %,.0f ops/s sent",
                            row.ratio(), row.comparedWith(), row.scheduledOpsPerSecond());
                default -> "%s of %s".formatted(number(row.ratio(), "%.3f"), row.comparedWith());
            };
            line(
                    out,
                    "%-22s %,10.0f %8s %8s %8d  %s",
                    row.name(),
                    row.opsPerSecond(),
                    number(row.p50Ms(), "%.2f"),
                    number(row.p99Ms(), "%.2f"),
                    row.errors(),
                    ratio);
        }
        if (!targets.isEmpty() || machine.busy()) {
            out.append('\n');
        }
        for (var target : targets) {
            line(out, "target       %s", describe(target));
        }
        if (machine.busy()) {
            line(
                    out,
                    "warning      other processes were using the CPU before the run; every rate is lower and noisier"
                            + " than this machine can do. Compare ratios, or rerun when it is quiet.");
        }
        if (!valid) {
            out.append('\n');
            line(out, "!!! THIS RUN IS NOT VALID: some calls failed or a row was cut short; its numbers mean nothing.");
            for (var row : rows) {
                if (row.errors() > 0) {
                    line(out, "!!! %s: %,d failed calls: %s", row.name(), row.errors(), kinds(row.errorsByKind()));
                }
                if (row.callCapReached()) {
                    line(out, "!!! %s: a client reached %,d calls", row.name(), LoadGenerator.MAX_CALLS_PER_CLIENT);
                }
            }
        }
        return out.toString();
    }

    Path writeJson(Path directory) throws IOException {
        Files.createDirectories(directory);
        var file = directory.resolve("%s-%s.json".formatted(FILE_TIME.format(startedAt), String.join("+", scenarios)));
        var json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(file, json.writeValueAsString(this) + "\n");
        return file;
    }

    /** E.g. "product-reads: at least 0.25 of pg select by id and p99 below 10 ms: MISSED (0.048, p99 46.63 ms)". */
    private static String describe(TargetCheck target) {
        var measured = new ArrayList<String>();
        if (target.minimumRatio() != null) {
            measured.add(number(target.ratio(), "%.3f"));
        }
        if (target.minimumOpsPerSecond() != null) {
            measured.add(number(target.opsPerSecond(), "%,.0f") + " ops/s");
        }
        if (target.p50BelowMs() != null) {
            measured.add("p50 " + number(target.p50Ms(), "%.2f") + " ms");
        }
        if (target.p99BelowMs() != null) {
            measured.add("p99 " + number(target.p99Ms(), "%.2f") + " ms");
        }
        if (target.latencyAtShareOfMax() != null) {
            // The latency bounds come last: they were measured at the paced rate.
            measured.set(
                    measured.size() - 1,
                    measured.getLast() + " at " + number(target.pacedOpsPerSecond(), "%,.0f") + " ops/s");
        }
        return format(
                "%s: %s: %s (%s)",
                target.scenario(), bounds(target), target.met() ? "met" : "MISSED", String.join(", ", measured));
    }

    /** The target's bounds in words, e.g. "at least 0.25 of pg select by id and p99 below 10 ms". */
    private static String bounds(TargetCheck target) {
        var bounds = new ArrayList<String>();
        if (target.minimumRatio() != null) {
            bounds.add(format("at least %.2f of %s", target.minimumRatio(), target.comparedWith()));
        }
        if (target.minimumOpsPerSecond() != null) {
            bounds.add(format("at least %,.0f ops/s", target.minimumOpsPerSecond()));
        }
        if (target.p50BelowMs() != null) {
            bounds.add(format("p50 below %.0f ms", target.p50BelowMs()));
        }
        if (target.p99BelowMs() != null) {
            bounds.add(format("p99 below %.0f ms", target.p99BelowMs()));
        }
        if (target.latencyAtShareOfMax() != null) {
            bounds.set(
                    bounds.size() - 1,
                    bounds.getLast() + format(" at %.2f of the max rate", target.latencyAtShareOfMax()));
        }
        return String.join(" and ", bounds);
    }

    /** The rows for the suite's table: each scenario with its target, its paced row, then the baselines. */
    List<Summary.Line> lines() {
        var lines = new ArrayList<Summary.Line>();
        for (var row : rows) {
            var measured = format(
                    "%,.0f ops/s, p50 %s ms, p99 %s ms%s",
                    row.opsPerSecond(),
                    number(row.p50Ms(), "%.2f"),
                    number(row.p99Ms(), "%.2f"),
                    row.errors() > 0 ? format(", %,d errors", row.errors()) : "");
            switch (row.kind()) {
                case "baseline" ->
                    lines.add(Summary.Line.of(
                            row.name(),
                            measured,
                            "baseline" + (row.rowsPerSecond() != row.opsPerSecond() ? rowsNote(row) : ""),
                            "",
                            null));
                case "paced" ->
                    lines.add(Summary.Line.of(
                            row.name(),
                            measured,
                            format(
                                    "open loop at %.2f of %s's rate (%,.0f ops/s sent)",
                                    row.ratio(), row.comparedWith(), row.scheduledOpsPerSecond()),
                            "",
                            null));
                default -> {
                    var target = targets.stream()
                            .filter(t -> t.scenario().equals(row.name()))
                            .findFirst();
                    lines.add(Summary.Line.of(
                            row.name(),
                            measured,
                            "%s of %s".formatted(number(row.ratio(), "%.3f"), row.comparedWith()),
                            target.map(Report::bounds).orElse(""),
                            target.map(TargetCheck::met).orElse(null)));
                }
            }
        }
        return List.copyOf(lines);
    }

    private static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private double gib() {
        return machine.memoryBytes() / (1024.0 * 1024 * 1024);
    }

    private static String rowsNote(Row row) {
        return String.format(Locale.ROOT, ", %,.0f rows/s", row.rowsPerSecond());
    }

    private static String number(Double value, String format) {
        return Optional.ofNullable(value)
                .map(v -> String.format(Locale.ROOT, format, v))
                .orElse("-");
    }

    private static String kinds(Map<String, Long> errorsByKind) {
        return errorsByKind.entrySet().stream()
                .map(kind -> "%s (%,d)".formatted(kind.getKey(), kind.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
