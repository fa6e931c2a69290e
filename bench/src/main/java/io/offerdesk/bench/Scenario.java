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

    /** What every scenario may use: the API and the data shared between scenarios of one run. */
    record Fixture(OfferdeskApi api, SellerCatalog catalog) {}

    /** At least this share of the baseline's rate, with a 99th percentile latency below this. */
    record Target(double minimumRatio, Duration p99Below) {}
}
