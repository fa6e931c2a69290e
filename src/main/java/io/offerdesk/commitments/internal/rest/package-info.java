/**
 * Spend commitments' REST API: the buyer's contracts, progress, spend, forecast and planner; headroom shares (the
 * buyer's) and shared headroom (the seller's); the operator's product eligibility flags.
 */
@NullMarked
package io.offerdesk.commitments.internal.rest;

import org.jspecify.annotations.NullMarked;
