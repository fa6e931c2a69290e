package io.offerdesk.offers.internal.web;

import java.util.Arrays;
import java.util.Optional;

/**
 * The composer's steps, in the order a seller usually fills an offer in. Each saves into the draft on its own, so a
 * draft can be reopened at any step.
 */
public enum ComposerStep {
    BUYERS("buyers"),
    INFORMATION("information"),
    PRICING("pricing"),
    SCHEDULE("schedule"),
    EULA("eula"),
    VALIDITY("validity"),
    RENEWAL("renewal"),
    SUPPORT("support"),
    REVIEW("review");

    private final String path;

    ComposerStep(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    ComposerStep next() {
        var steps = values();
        return steps[Math.min(ordinal() + 1, steps.length - 1)];
    }

    static Optional<ComposerStep> byPath(String path) {
        return Arrays.stream(values()).filter(step -> step.path.equals(path)).findFirst();
    }
}
