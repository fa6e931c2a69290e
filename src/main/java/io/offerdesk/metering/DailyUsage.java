package io.offerdesk.metering;

import java.time.LocalDate;

/** The quantity an agreement's customer used in one dimension on one UTC day. */
public record DailyUsage(String dimension, LocalDate day, long quantity) {}
