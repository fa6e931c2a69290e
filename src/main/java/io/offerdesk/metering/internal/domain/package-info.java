/**
 * Metering's pure rules: what makes a usage record or a batch acceptable (the window, dimensions, quantities,
 * allocations and tags), the hour a record counts in, and whether a record repeats a stored one or contradicts it. No
 * Spring, no SQL, no clock: the time arrives as an argument.
 */
@NullMarked
package io.offerdesk.metering.internal.domain;

import org.jspecify.annotations.NullMarked;
