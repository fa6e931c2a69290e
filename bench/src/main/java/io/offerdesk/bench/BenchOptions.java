package io.offerdesk.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The command line. bench/run passes where the application and its database are; the person running it picks the
 * scenarios and the load.
 *
 * @param what what the command line named, for the names of the result files: "suite", "all" or the names
 * @param pgDataDirectory the embedded server's data directory, whose postmaster.pid tells its port
 * @param appPid the app's process, whose peak memory the run reports; 0 when bench/run did not say
 * @param appReadyMillis how long the app took from its start to UP, as bench/run measured it
 * @param appJavaOptions the JVM options bench/run started the app with
 */
record BenchOptions(
        List<Scenario> scenarios,
        List<Probe> probes,
        List<Job> jobs,
        String what,
        int charges,
        int chargesPerInvoice,
        Duration window,
        Duration warmUp,
        int rounds,
        int concurrency,
        int products,
        URI baseUrl,
        Path pgDataDirectory,
        Path resultsDirectory,
        long appPid,
        long appReadyMillis,
        String appJavaOptions) {

    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    /** The application's JIT needs tens of seconds of load on two busy cores before its rate levels off. */
    static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(20);

    /**
     * Warm-up of a baseline, if {@code --warmup} is not shorter: PostgreSQL has no JIT to warm, and the load
     * generator's JDBC path is small and hot within seconds.
     */
    static final Duration BASELINE_WARM_UP = Duration.ofSeconds(5);

    static final int DEFAULT_ROUNDS = 3;
    static final int DEFAULT_CONCURRENCY = 16;
    static final int DEFAULT_PRODUCTS = 200;

    /** Bounds that keep a run from monopolising the shared machine for long. */
    private static final Duration MAX_WINDOW = Duration.ofMinutes(10);

    private static final Duration MAX_WARM_UP = Duration.ofMinutes(5);
    private static final int MAX_ROUNDS = 20;
    private static final Duration MIN_SLICE = Duration.ofSeconds(1);
    private static final int MAX_CONCURRENCY = 256;
    private static final int MAX_PRODUCTS = 10_000;
    private static final int MAX_CHARGES = 5_000_000;
    private static final int MAX_CHARGES_PER_INVOICE = 100;

    private static final Pattern SECONDS = Pattern.compile("(\\d+)(s|m)?");

    /** The warm-up of the baselines, and of a paced run of a scenario that is already warm. */
    Duration shortWarmUp() {
        return warmUp.compareTo(BASELINE_WARM_UP) <= 0 ? warmUp : BASELINE_WARM_UP;
    }

    static String usage() {
        var scenarios = Scenarios.all().stream()
                .map(scenario -> "  %-18s %s".formatted(scenario.name(), scenario.description()))
                .collect(Collectors.joining("\n"));
        var probes = Scenarios.probes().stream()
                .map(probe -> "  %-18s %s".formatted(probe.name(), probe.description()))
                .collect(Collectors.joining("\n"));
        var jobs = Scenarios.jobs().stream()
                .map(job -> "  %-18s %s".formatted(job.name(), job.description()))
                .collect(Collectors.joining("\n"));
        return """
                usage: bench/run [options] suite | all | NAME...

                Builds Offerdesk, starts it in demo mode on a throw-away embedded database, measures the scenarios
                and raw PostgreSQL baselines on that same database server, then the probes and the jobs, and the
                app's start-up time and peak memory; prints the table and writes it as JSON and Markdown to
                bench/results/. "suite" is everything (the table of issue #11; about 25 minutes on 2 cores);
                "all" is every scenario and probe, without the jobs.

                scenarios:
                %s

                probes (measured after the scenarios):
                %s

                jobs (measured once each, end to end, after the probes; part of "suite", not of "all"):
                %s

                options:
                  --duration TIME     measured time of each row, e.g. 10s or 1m (default %ds)
                  --warmup TIME       unmeasured warm-up of each scenario (default %ds); baselines take
                                      at most %ds of it
                  --rounds N          scenarios and their baseline take turns in N rounds of duration/N
                                      (default %d)
                  --concurrency N     concurrent clients, the same for scenarios and baselines (default %d)
                  --products N        products the seller creates for the product scenarios (default %d)
                  --charges N         due installments the invoicing-run job invoices (default %,d)
                  --charges-per-invoice N
                                      of them per buyer account, so per invoice (default %d)
                  -h, --help          this text
                """.formatted(
                        scenarios,
                        probes,
                        jobs,
                        DEFAULT_WINDOW.toSeconds(),
                        DEFAULT_WARM_UP.toSeconds(),
                        BASELINE_WARM_UP.toSeconds(),
                        DEFAULT_ROUNDS,
                        DEFAULT_CONCURRENCY,
                        DEFAULT_PRODUCTS,
                        InvoicingRunJob.DEFAULT_CHARGES,
                        InvoicingRunJob.DEFAULT_CHARGES_PER_INVOICE);
    }

    static boolean wantsHelp(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.equals("-h") || arg.equals("--help"));
    }

    /**
     * Checks what a person typed, before bench/run spends half a minute building and starting the app; the options
     * bench/run adds itself may be missing then.
     */
    static void check(String[] args) throws UsageError {
        parse(args, false);
    }

    static BenchOptions parse(String[] args) throws UsageError {
        return parse(args, true);
    }

    private static BenchOptions parse(String[] args, boolean complete) throws UsageError {
        var names = new LinkedHashSet<String>();
        var window = DEFAULT_WINDOW;
        var warmUp = DEFAULT_WARM_UP;
        var rounds = DEFAULT_ROUNDS;
        var concurrency = DEFAULT_CONCURRENCY;
        var products = DEFAULT_PRODUCTS;
        var charges = InvoicingRunJob.DEFAULT_CHARGES;
        var chargesPerInvoice = InvoicingRunJob.DEFAULT_CHARGES_PER_INVOICE;
        URI baseUrl = null;
        Path pgDataDirectory = null;
        Path resultsDirectory = null;
        long appPid = 0;
        long appReadyMillis = 0;
        var appJavaOptions = "";
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            switch (arg) {
                case "--duration" -> window = duration(arg, value(args, ++i, arg), Duration.ofSeconds(1), MAX_WINDOW);
                case "--warmup" -> warmUp = duration(arg, value(args, ++i, arg), Duration.ZERO, MAX_WARM_UP);
                case "--rounds" -> rounds = number(arg, value(args, ++i, arg), MAX_ROUNDS);
                case "--concurrency" -> concurrency = number(arg, value(args, ++i, arg), MAX_CONCURRENCY);
                case "--products" -> products = number(arg, value(args, ++i, arg), MAX_PRODUCTS);
                case "--charges" -> charges = number(arg, value(args, ++i, arg), MAX_CHARGES);
                case "--charges-per-invoice" ->
                    chargesPerInvoice = number(arg, value(args, ++i, arg), MAX_CHARGES_PER_INVOICE);
                case "--base-url" -> baseUrl = URI.create(value(args, ++i, arg));
                case "--pg-data-dir" -> pgDataDirectory = Path.of(value(args, ++i, arg));
                case "--results-dir" -> resultsDirectory = Path.of(value(args, ++i, arg));
                case "--app-pid" -> appPid = Long.parseLong(value(args, ++i, arg));
                case "--app-ready-ms" -> appReadyMillis = Long.parseLong(value(args, ++i, arg));
                case "--app-java-opts" -> appJavaOptions = value(args, ++i, arg);
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageError("unknown option " + arg);
                    }
                    names.add(arg);
                }
            }
        }
        var what = String.join("+", names);
        if (names.remove("suite")) {
            names.add("all");
            names.addAll(Scenarios.jobs().stream().map(Job::name).toList());
        }
        var jobs = new ArrayList<Job>();
        var probes = new ArrayList<Probe>();
        for (var name : List.copyOf(names)) {
            Scenarios.job(name).ifPresent(job -> {
                jobs.add(job);
                names.remove(name);
            });
            Scenarios.probe(name).ifPresent(probe -> {
                probes.add(probe);
                names.remove(name);
            });
        }
        if (names.contains("all")) {
            Scenarios.probes().stream().filter(probe -> !probes.contains(probe)).forEach(probes::add);
        }
        var scenarios =
                names.isEmpty() && !(jobs.isEmpty() && probes.isEmpty()) ? List.<Scenario>of() : scenarios(names);
        if (window.dividedBy(rounds).compareTo(MIN_SLICE) < 0) {
            throw new UsageError(
                    "--duration must give each of the %d rounds at least %ds".formatted(rounds, MIN_SLICE.toSeconds()));
        }
        if (!complete) {
            return null;
        }
        if (baseUrl == null || pgDataDirectory == null || resultsDirectory == null) {
            throw new UsageError("--base-url, --pg-data-dir and --results-dir are set by bench/run; start it that way");
        }
        return new BenchOptions(
                scenarios,
                List.copyOf(probes),
                List.copyOf(jobs),
                what,
                charges,
                chargesPerInvoice,
                window,
                warmUp,
                rounds,
                concurrency,
                products,
                baseUrl,
                pgDataDirectory,
                resultsDirectory,
                appPid,
                appReadyMillis,
                appJavaOptions);
    }

    private static List<Scenario> scenarios(LinkedHashSet<String> names) throws UsageError {
        if (names.isEmpty()) {
            throw new UsageError("name at least one scenario or job");
        }
        if (names.contains("all")) {
            return Scenarios.all();
        }
        var scenarios = new ArrayList<Scenario>();
        for (var name : names) {
            scenarios.add(Scenarios.named(name).orElseThrow(() -> new UsageError("no scenario named " + name)));
        }
        return List.copyOf(scenarios);
    }

    private static String value(String[] args, int index, String option) throws UsageError {
        if (index >= args.length) {
            throw new UsageError(option + " needs a value");
        }
        return args[index];
    }

    private static Duration duration(String option, String value, Duration min, Duration max) throws UsageError {
        var matcher = SECONDS.matcher(value);
        if (!matcher.matches()) {
            throw new UsageError(option + " takes seconds, like 30 or 30s, or minutes, like 2m; not " + value);
        }
        var amount = Long.parseLong(matcher.group(1));
        var duration = "m".equals(matcher.group(2)) ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            throw new UsageError("%s must be between %ds and %ds".formatted(option, min.toSeconds(), max.toSeconds()));
        }
        return duration;
    }

    private static int number(String option, String value, int max) throws UsageError {
        try {
            var number = Integer.parseInt(value);
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        throw new UsageError("%s takes a whole number from 1 to %d; not %s".formatted(option, max, value));
    }

    /** The command line was wrong; the message says how. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }
}
