package io.offerdesk.agreements;

import org.jspecify.annotations.Nullable;

/** One offer term the buyer accepts, by its term id, with their choice for it where the term leaves one open. */
public record RequestedTerm(String id, @Nullable TermConfiguration configuration) {}
