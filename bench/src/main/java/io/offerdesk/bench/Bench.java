package io.offerdesk.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Measures named scenarios against a running Offerdesk and raw PostgreSQL baselines on its database, then reports them
 * side by side. bench/run builds and starts the application and calls this; see bench/README.md.
 *
 * <p>Order of a run: set everything up (baseline tables, each scenario's data), let the database settle, then measure
 * the select baseline, each scenario, and the insert baselines last, so that their writes cannot slow a read.
 */
public final class Bench {

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

    /** True when every call of every row succeeded. */
    private boolean run() throws Exception {
        var startedAt = Instant.now();
        var database = PostgresBaselines.of(options.pgDataDirectory());

        progress("creating the baseline tables (%,d rows to select from)", PostgresBaselines.SELECT_ROWS);
        database.createTables();
        var api = new OfferdeskApi(options.baseUrl());
        var fixture = new Scenario.Fixture(api, new SellerCatalog(api, options.products()));
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

        var load = new LoadGenerator(options.concurrency(), options.warmUp(), options.window());
        var baselines = new EnumMap<Baseline, Measurement>(Baseline.class);
        var scenarios = new LinkedHashMap<Scenario, Measurement>();
        measure(load, Baseline.SELECT_BY_ID, database, baselines);
        for (var entry : workloads.entrySet()) {
            scenarios.put(entry.getKey(), measure(load, entry.getKey().name(), entry.getValue()));
        }
        measure(load, Baseline.INSERT_ONE_ROW, database, baselines);
        measure(load, Baseline.INSERT_25_ROWS, database, baselines);

        var report = Report.of(
                startedAt,
                machine,
                new Report.Load(
                        options.concurrency(),
                        options.warmUp().toSeconds(),
                        options.window().toSeconds(),
                        options.products(),
                        PostgresBaselines.SELECT_ROWS,
                        options.baseUrl().toString()),
                database.jdbcUrl(),
                scenarios,
                baselines);
        System.out.println();
        System.out.print(report.text());
        var file = report.writeJson(options.resultsDirectory());
        System.out.println();
        System.out.println("written to " + file);
        return report.valid();
    }

    private void measure(
            LoadGenerator load, Baseline baseline, PostgresBaselines database, Map<Baseline, Measurement> baselines)
            throws Exception {
        baselines.put(baseline, measure(load, baseline.label(), database.workload(baseline)));
    }

    private Measurement measure(LoadGenerator load, String name, Workload workload) throws Exception {
        progress(
                "measuring %s: %ds warm-up, %ds measured",
                name, options.warmUp().toSeconds(), options.window().toSeconds());
        var measurement = load.measure(name, workload);
        progress(
                "  %,.0f ops/s, p99 %.2f ms, %d errors",
                measurement.callsPerSecond(), measurement.percentileMillis(99), measurement.errors());
        return measurement;
    }

    private static void progress(String format, Object... args) {
        System.out.println("bench: " + String.format(Locale.ROOT, format, args));
    }
}
