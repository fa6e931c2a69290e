package io.offerdesk.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A named job the app does once, end to end, measured by its wall time: not a call repeated under load, like a
 * {@link Scenario}, but one piece of work over a large prepared set (an invoicing run over a million due charges). To
 * add one, implement this and list it in {@link Scenarios#jobs()}.
 */
interface Job {

    /** The name on the command line and in the report: lower-case words joined by dashes. */
    String name();

    /** One line for {@code --help}. */
    String description();

    /** The wall time the issue that asked for the job allows; reported as met or missed, never asserted. */
    Duration target();

    /** What the job is set up with, in words, for the report: the options that size it, or its fixed size. */
    String setup(BenchOptions options);

    /** Sets up what the job needs, unmeasured, and returns how to start it. */
    Started prepare(Scenario.Fixture fixture) throws Exception;

    @FunctionalInterface
    interface Started {
        /** Starts the job, follows it to its end and returns what was measured. */
        Result run() throws Exception;
    }

    /**
     * One job's measurement.
     *
     * @param wallTime from the request that started the job to the moment the client saw it done
     * @param items how many things the job did (charges invoiced)
     * @param unit what an item is, plural
     * @param notes what else the job reported, a line each (its progress, how the work was shared)
     * @param failure why the job did not finish as it should, or null
     */
    record Result(Duration wallTime, long items, String unit, List<String> notes, String failure) {

        double itemsPerSecond() {
            return items / (wallTime.toNanos() / 1e9);
        }
    }

    /** The job failed or left work undone; the message says which. */
    final class Failed extends IOException {
        Failed(String message) {
            super(message);
        }
    }
}
