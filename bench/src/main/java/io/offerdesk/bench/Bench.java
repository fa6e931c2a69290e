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
        var database = PostgresBaselines.of(options.pgDataDirectory());
        var api = new OfferdeskApi(options.baseUrl());
        var catalog = new SellerCatalog(api, options.products());
        var fixture = new Scenario.Fixture(api, catalog, database, options);
        var valid = options.scenarios().isEmpty() || measureScenarios(database, catalog, fixture);
        for (var job : options.jobs()) {
            valid &= runJob(job, database, fixture);
        }
        return valid;
    }

    /**
     * Sets a job up, lets the database settle, runs it once and reports it. Jobs come after the scenarios: they may move
     * the app's clock or leave large tables behind.
     */
    private boolean runJob(Job job, PostgresBaselines database, Scenario.Fixture fixture) throws Exception {
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
                String.format(
                        Locale.ROOT,
                        "--charges %,d --charges-per-invoice %d",
                        options.charges(),
                        options.chargesPerInvoice()),
                machine,
                database.jdbcUrl(),
                options.baseUrl().toString(),
                result);
        System.out.println();
        System.out.print(report.text());
        var file = report.writeJson(options.resultsDirectory());
        System.out.println();
        System.out.println("written to " + file);
        return report.valid();
    }

    private boolean measureScenarios(PostgresBaselines database, SellerCatalog catalog, Scenario.Fixture fixture)
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
        return report.valid();
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
