/**
 * Spend commitments' pages: the buyer's commitments, progress, forecast and planner, the summary fragment for the
 * buyer's dashboard, headroom shares; the seller's shared headroom (page and fragment); the operator's eligibility.
 */
@NullMarked
package io.offerdesk.commitments.internal.web;

import org.jspecify.annotations.NullMarked;
