/**
 * Metering's native REST API: BatchMeterUsage for sellers, MeterUsage for buyers' software, and usage per agreement,
 * dimension and day for both parties. JSON names are AWS's, in camelCase.
 */
@NullMarked
package io.offerdesk.metering.internal.rest;

import org.jspecify.annotations.NullMarked;
