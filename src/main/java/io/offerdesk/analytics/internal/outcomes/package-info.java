/**
 * Offer outcomes (ADR 0034): a read model built from events (offers drafted, released, viewed, accepted and expired;
 * GTM's positioning and renewal drafts) and the reports on it: the funnel, win rate and time to accept by dimension,
 * booked against billed, collected and disbursed, the renewal calendar and the strategy library.
 */
@NullMarked
package io.offerdesk.analytics.internal.outcomes;

import org.jspecify.annotations.NullMarked;
