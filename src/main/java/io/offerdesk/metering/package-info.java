/**
 * Metering: usage records with BatchMeterUsage and MeterUsage semantics, deduplication by customer, product, dimension
 * and hour, allocations with tags, and usage per agreement, dimension and day. It reads the buyer's active agreement
 * for a product from {@code agreements} and the product's dimensions and seller from {@code catalog}.
 */
@ApplicationModule(
        displayName = "Metering",
        allowedDependencies = {"platform", "parties", "catalog", "agreements"})
@NullMarked
package io.offerdesk.metering;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
