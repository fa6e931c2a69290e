package io.offerdesk.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A named load against the HTTP API. To add one, implement this and list it in {@link Scenarios}.
 *
 * <p>A scenario sets up what it needs through the API, unmeasured, and hands back the one operation the load
 * generator repeats. Its rate is reported as a ratio to one raw PostgreSQL baseline measured in the same run: the one
 * that does the database work the scenario cannot do without.
 */
interface Scenario {

    /** The name on the command line and in the report: lower-case words joined by dashes. */
    String name();

    /** One line for {@code --help}. */
    String description();

    Baseline comparedWith();

    /** The goal the issue that asked for the scenario set; reported as met or missed, never asserted. */
    default Optional<Target> target() {
        return Optional.empty();
    }

    Workload prepare(Fixture fixture) throws IOException, InterruptedException;

    /**
     * What every scenario may use: the API, the data shared between scenarios of one run, the app's own database,
     * for setup that the API would take far too long for (bulk data), and the run's options, for a scenario whose
     * every call uses up data it prepared.
     */
    record Fixture(OfferdeskApi api, SellerCatalog catalog, PostgresBaselines database, BenchOptions options) {}

    /**
     * Every bound the issue names must hold; a null bound is not part of the goal. A ratio says how much of what the
     * database can do survives the app; an absolute rate and latency are what a user of the feature was promised.
     *
     * @param minimumRatio at least this share of the baseline's rate
     * @param minimumOpsPerSecond at least this many successful calls a second
     * @param p50Below a median latency below this
     * @param p99Below a 99th percentile latency below this
     * @param latencyAtShareOfMax null when the latency bounds hold for the closed-loop measurement; otherwise they hold
     *     for a second, paced measurement at this share of the closed-loop rate (see {@link LoadGenerator#paced})
     */
    record Target(
            Double minimumRatio,
            Double minimumOpsPerSecond,
            Duration p50Below,
            Duration p99Below,
            Double latencyAtShareOfMax) {

        public Target {
            if (minimumRatio == null && minimumOpsPerSecond == null && p50Below == null && p99Below == null) {
                throw new IllegalArgumentException("a target names at least one bound");
            }
            if (latencyAtShareOfMax != null
                    && (p50Below == null && p99Below == null
                            || !(latencyAtShareOfMax > 0 && latencyAtShareOfMax <= 1))) {
                throw new IllegalArgumentException(
                        "a latency at a share of the max needs a latency bound and a share" + " in (0, 1]");
            }
        }

        /** At least this share of the baseline's rate, with a 99th percentile latency below this. */
        public Target(double minimumRatio, Duration p99Below) {
            this(minimumRatio, null, null, p99Below, null);
        }

        /** At least this many calls a second, with a median latency below this. */
        static Target rateAndMedian(double minimumOpsPerSecond, Duration p50Below) {
            return new Target(null, minimumOpsPerSecond, p50Below, null, null);
        }

        /** A 99th percentile latency below this, at whatever rate. */
        static Target p99(Duration p99Below) {
            return new Target(null, null, null, p99Below, null);
        }

        /**
         * At least this share of the baseline's rate in the closed loop, and a 99th percentile latency below this when
         * calls arrive at {@code shareOfMax} of that closed-loop rate.
         */
        static Target ratioAndPacedP99(double minimumRatio, double shareOfMax, Duration p99Below) {
            return new Target(minimumRatio, null, null, p99Below, shareOfMax);
        }

        boolean paced() {
            return latencyAtShareOfMax != null;
        }
    }
}
