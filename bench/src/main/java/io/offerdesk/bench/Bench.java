package io.offerdesk.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Measures named scenarios against a running Offerdesk and raw PostgreSQL baselines on its database, then reports them
 * side by side. bench/run builds and starts the application and calls this; see bench/README.md.
 *
 * <p>Order of a run: set everything up (baseline tables, each scenario's data) and let the database settle; warm up
 * the baselines the scenarios are compared with, and the scenarios; measure those in alternating rounds; measure the
 * other baselines last.
 */
public final class Bench {

    private static final Duration WARM_UP_STEP = Duration.ofSeconds(5);
    static final long WARM_UP_STRETCH = 3;
    private static final double STILL_CLIMBING = 1.1;

    private final BenchOptions options;

    private Bench(BenchOptions options) {
        this.options = options;
    }

    /** bench/run calls this first with {@value #CHECK_ARGS}, to answer help and wrong options before it starts anything. */
    private static final String CHECK_ARGS = "--check-args";

    public static void main(String[] args) {
        if (BenchOptions.wantsHelp(args)) {
            System.out.print(BenchOptions.usage());
            return;
        }
        var checkOnly = args.length > 0 && args[0].equals(CHECK_ARGS);
        BenchOptions options;
        try {
            if (checkOnly) {
                BenchOptions.check(Arrays.copyOfRange(args, 1, args.length));
                return;
            }
            options = BenchOptions.parse(args);
        } catch (BenchOptions.UsageError e) {
            System.err.println("bench: " + e.getMessage() + " (bench/run --help lists scenarios and options)");
            System.exit(2);
            return;
        }
        try {
            System.exit(new Bench(options).run() ? 0 : 1);
        } catch (IOException | SQLException e) {
            System.err.println("bench: FAILED: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("bench: FAILED");
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** True when every call of every row succeeded and every job did all its work. */
    private boolean run() throws Exception {
        var startedAt = Instant.now();
        var machineLoad = Machine.loadAverage();
        progress("estimated run time: about %d min (%s)", estimate().toMinutes() + 1, machineLoad);
        var database = PostgresBaselines.of(options.pgDataDirectory());
        var api = new OfferdeskApi(options.baseUrl());
        var catalog = new SellerCatalog(api, options.products());
        var fixture = new Scenario.Fixture(api, catalog, database, options);
        var lines = new ArrayList<Summary.Line>();
        var valid = true;
        if (!options.scenarios().isEmpty()) {
            var report = measureScenarios(database, catalog, fixture);
            lines.addAll(report.lines());
            valid = report.valid();
        }
        for (var probe : options.probes()) {
            progress("running %s", probe.name());
            var result = probe.run(fixture);
            lines.addAll(result.lines());
            valid &= result.valid();
        }
        for (var job : options.jobs()) {
            var report = runJob(job, database, fixture);
            lines.add(report.line());
            valid &= report.valid();
        }
        if (options.appPid() > 0) {
            lines.addAll(new AppProcess(
                            options.appPid(), Duration.ofMillis(options.appReadyMillis()), options.appJavaOptions())
                    .lines());
        }
        var summary = new Summary(
                startedAt,
                options.what(),
                Machine.describe(),
                machineLoad,
                Duration.between(startedAt, Instant.now()).toSeconds(),
                List.copyOf(lines),
                valid);
        System.out.println();
        System.out.print(summary.text());
        var file = summary.write(options.resultsDirectory());
        System.out.println();
        System.out.println("table written to " + file + " and .json");
        return valid;
    }

    /**
     * How long the run will take with these options, from what each part took on the project's 2-core machine: the
     * setups are rough (each scenario's as measured, the jobs' in proportion to their size), the load windows exact
     * but for warm-ups that stretch while a rate still climbs (counted at 1.5 times their minimum).
     */
    private Duration estimate() {
        var seconds = 0L;
        var warmUp = options.warmUp().toSeconds() * 3 / 2;
        var shortWarmUp = options.shortWarmUp().toSeconds();
        var window = options.window().toSeconds();
        var compared = EnumSet.noneOf(Baseline.class);
        for (var scenario : options.scenarios()) {
            compared.add(scenario.comparedWith());
            seconds += SETUP_SECONDS.getOrDefault(scenario.name(), 5) + warmUp + window;
            if (scenario.target().map(Scenario.Target::paced).orElse(false)) {
                seconds += shortWarmUp + window;
            }
        }
        if (options.scenarios().stream().anyMatch(TenantReads.class::isInstance)) {
            // One setup for the three tenant-scoped reads, whichever of them are named.
            seconds += TENANT_READS_SETUP_SECONDS;
        }
        if (!options.scenarios().isEmpty()) {
            seconds += (long) compared.size() * (shortWarmUp + window)
                    + (long) (Baseline.values().length - compared.size()) * (shortWarmUp + window)
                    + 30;
        }
        for (var probe : options.probes()) {
            seconds += SETUP_SECONDS.getOrDefault(probe.name(), 5) + 2 * (shortWarmUp + window);
        }
        for (var job : options.jobs()) {
            seconds += job.name().equals("invoicing-run")
                    ? 60 + 200L * options.charges() / InvoicingRunJob.DEFAULT_CHARGES
                    : SETUP_SECONDS.getOrDefault(job.name(), 60);
        }
        return Duration.ofSeconds(seconds);
    }

    private static final int TENANT_READS_SETUP_SECONDS = 60;

    /** Set-up (and for jobs, whole) seconds of each part, as runs on the project's 2-core machine took them. */
    private static final Map<String, Integer> SETUP_SECONDS = Map.of(
            "buyer-offers", 40,
            "quote-accept", 90,
            "metering-batches", 40,
            "ledger-journals", 10,
            "webhook-delivery", 40,
            "disbursement-run", 60);

    /**
     * Sets a job up, lets the database settle, runs it once and reports it. Jobs come after the scenarios: they may move
     * the app's clock or leave large tables behind.
     */
    private JobReport runJob(Job job, PostgresBaselines database, Scenario.Fixture fixture) throws Exception {
        var startedAt = Instant.now();
        progress("setting up %s", job.name());
        Job.Started started;
        try {
            started = job.prepare(fixture);
        } catch (IOException e) {
            throw new IOException("setting up %s: %s".formatted(job.name(), e.getMessage()), e);
        }
        database.settle();
        var machine = Machine.current(database.serverVersion(), database.serverSettings());
        progress("running %s", job.name());
        Job.Result result;
        try {
            result = started.run();
        } catch (IOException e) {
            result = new Job.Result(java.time.Duration.ZERO, 0, "items", List.of(), e.getMessage());
        }
        var report = JobReport.of(
                startedAt,
                job,
                job.setup(options),
                machine,
                database.jdbcUrl(),
                options.baseUrl().toString(),
                result);
        System.out.println();
        System.out.print(report.text());
        var file = report.writeJson(options.resultsDirectory());
        System.out.println();
        System.out.println("written to " + file);
        return report;
    }

    private Report measureScenarios(PostgresBaselines database, SellerCatalog catalog, Scenario.Fixture fixture)
            throws Exception {
        var startedAt = Instant.now();
        progress("creating the baseline tables (%,d rows to select from)", PostgresBaselines.SELECT_ROWS);
        database.createTables();
        var workloads = new LinkedHashMap<Scenario, Workload>();
        for (var scenario : options.scenarios()) {
            progress("setting up %s", scenario.name());
            try {
                workloads.put(scenario, scenario.prepare(fixture));
            } catch (IOException e) {
                throw new IOException("setting up %s: %s".formatted(scenario.name(), e.getMessage()), e);
            }
        }
        database.settle();
        var machine = Machine.current(database.serverVersion(), database.serverSettings());

        var load = new LoadGenerator(options.concurrency());
        var baselineWarmUp = options.shortWarmUp();
        var compared = EnumSet.noneOf(Baseline.class);
        workloads.keySet().forEach(scenario -> compared.add(scenario.comparedWith()));
        var warmUps = new LinkedHashMap<String, Duration>();
        for (var baseline : compared) {
            warmUps.put(baseline.label(), warmUp(load, baseline.label(), database.workload(baseline), baselineWarmUp));
        }
        for (var scenario : workloads.entrySet()) {
            var name = scenario.getKey().name();
            warmUps.put(name, warmUp(load, name, scenario.getValue(), options.warmUp()));
        }

        // A scenario and its baseline take turns, so that a change in what else runs on the machine hits both sides
        // of the ratio alike.
        var baselines = new EnumMap<Baseline, Measurement>(Baseline.class);
        var scenarios = new LinkedHashMap<Scenario, Measurement>();
        var slice = options.window().dividedBy(options.rounds());
        for (int round = 1; round <= options.rounds(); round++) {
            var of = "round %d/%d".formatted(round, options.rounds());
            for (var baseline : compared) {
                var measured = measure(load, of, baseline.label(), database.workload(baseline), Duration.ZERO, slice);
                baselines.merge(baseline, measured, Measurement::plus);
            }
            for (var scenario : workloads.entrySet()) {
                var measured = measure(load, of, scenario.getKey().name(), scenario.getValue(), Duration.ZERO, slice);
                scenarios.merge(scenario.getKey(), measured, Measurement::plus);
            }
        }
        // A target that bounds the latency at a share of the scenario's max rate: that rate is known only now.
        var paced = new LinkedHashMap<Scenario, Report.Paced>();
        for (var scenario : workloads.entrySet()) {
            var target = scenario.getKey().target();
            // Without a successful call there is no rate to pace at, and the target is missed anyway.
            if (target.isPresent()
                    && target.get().paced()
                    && scenarios.get(scenario.getKey()).callsPerSecond() > 0) {
                paced.put(
                        scenario.getKey(),
                        pace(
                                load,
                                scenario.getKey().name(),
                                scenario.getValue(),
                                target.get().latencyAtShareOfMax(),
                                scenarios.get(scenario.getKey()).callsPerSecond(),
                                baselineWarmUp,
                                options.window()));
            }
        }
        // The other baselines come last and in one piece: they write, and their writes must not slow a read.
        for (var baseline : EnumSet.complementOf(compared)) {
            var measured = measure(
                    load, "once", baseline.label(), database.workload(baseline), baselineWarmUp, options.window());
            baselines.put(baseline, measured);
            warmUps.put(baseline.label(), baselineWarmUp);
        }

        var report = Report.of(
                startedAt,
                machine,
                new Report.Load(
                        options.concurrency(),
                        options.warmUp().toSeconds(),
                        baselineWarmUp.toSeconds(),
                        options.window().toSeconds(),
                        options.rounds(),
                        catalog.created(),
                        PostgresBaselines.SELECT_ROWS,
                        options.baseUrl().toString()),
                database.jdbcUrl(),
                scenarios,
                baselines,
                paced,
                warmUps);
        System.out.println();
        System.out.print(report.text());
        var file = report.writeJson(options.resultsDirectory());
        System.out.println();
        System.out.println("written to " + file);
        return report;
    }

    /**
     * Warms up for at least {@code minimum}, in steps, and goes on while the rate still climbs by more than a tenth a
     * step, as the app's does while its JIT compiles; at most {@value #WARM_UP_STRETCH} times the minimum. The steps are
     * measured like any window so that the trend shows, then thrown away.
     */
    private static Duration warmUp(LoadGenerator load, String name, Workload workload, Duration minimum)
            throws Exception {
        var step = min(minimum, WARM_UP_STEP);
        var limit = minimum.multipliedBy(WARM_UP_STRETCH);
        var rates = new ArrayList<Double>();
        var warmed = Duration.ZERO;
        long errors = 0;
        while (warmed.compareTo(limit) < 0 && (warmed.compareTo(minimum) < 0 || climbing(rates))) {
            var measured = load.run(name, workload, Duration.ZERO, step);
            rates.add(measured.callsPerSecond());
            errors += measured.errors();
            warmed = warmed.plus(step);
        }
        progress(
                "warm-up    %-18s %s ops/s in %ds steps, %d errors (%ds, not counted)",
                name,
                rates.stream()
                        .map(rate -> String.format(Locale.ROOT, "%,.0f", rate))
                        .collect(Collectors.joining(", ")),
                step.toSeconds(),
                errors,
                warmed.toSeconds());
        return warmed;
    }

    private static boolean climbing(List<Double> rates) {
        return rates.size() >= 2 && rates.getLast() > STILL_CLIMBING * rates.get(rates.size() - 2);
    }

    private static Measurement measure(
            LoadGenerator load, String round, String name, Workload workload, Duration warmUp, Duration window)
            throws Exception {
        var measured = load.run(name, workload, warmUp, window);
        progress(
                "%-10s %-18s %,10.0f ops/s  p99 %8.2f ms  %d errors",
                round, name, measured.callsPerSecond(), measured.percentileMillis(99), measured.errors());
        return measured;
    }

    /**
     * Measures a scenario again in an open loop at a share of its closed-loop rate. The app is warm by now; the short
     * warm-up lets the paced clients reach their schedule before anything is recorded.
     */
    private static Report.Paced pace(
            LoadGenerator load,
            String name,
            Workload workload,
            double shareOfMax,
            double maxRate,
            Duration warmUp,
            Duration window)
            throws Exception {
        var rate = shareOfMax * maxRate;
        var measured = load.paced(name + " paced", workload, rate, warmUp, window);
        progress(
                "%-10s %-18s %,10.0f ops/s  p99 %8.2f ms  %d errors (%,.0f ops/s sent, %.2f of %,.0f)",
                "paced",
                name,
                measured.callsPerSecond(),
                measured.percentileMillis(99),
                measured.errors(),
                rate,
                shareOfMax,
                maxRate);
        return new Report.Paced(measured, warmUp, shareOfMax, rate);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static void progress(String format, Object... args) {
        System.out.println("bench: " + String.format(Locale.ROOT, format, args));
    }
}
