package io.offerdesk.bench;

import java.util.List;

/**
 * A measurement that is neither a scenario (one operation repeated, compared with a baseline) nor a job (one piece of
 * work timed end to end): it sets up, drives the app in its own way, and gives its rows of the suite's table. To add
 * one, implement this and list it in {@link Scenarios}.
 */
interface Probe {

    /** The name on the command line and in the report: lower-case words joined by dashes. */
    String name();

    /** One line for {@code --help}. */
    String description();

    Result run(Scenario.Fixture fixture) throws Exception;

    /**
     * @param lines its rows of the suite's table
     * @param valid false when a call failed or the probe could not measure what it says; its numbers mean nothing
     */
    record Result(List<Summary.Line> lines, boolean valid) {}
}
