package io.offerdesk.commitments.internal;

import java.time.Instant;

/** A milestone a commitment year's counted spend reached: a percent of the year's cap, and when. */
public record Milestone(int year, int percent, Instant reachedAt) {}
