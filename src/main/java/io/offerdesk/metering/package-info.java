/**
 * Metering: usage records with BatchMeterUsage and MeterUsage semantics, deduplication by customer, product, dimension
 * and hour, allocations with tags, and usage per agreement, dimension and day. It reads the buyer's active agreement
 * for a product from {@code agreements} and the product's dimensions and seller from {@code catalog}. Rating prices
 * each billing period's usage at the agreement's rate card ({@code offers}' terms) and announces the usage charges as
 * {@code metering.events.UsageRated}, which invoicing bills. RegisterUsage checks that container software runs for an
 * account entitled to the product ({@code agreements.Entitlements}) and answers with a signed JWT whose key metering
 * keeps.
 */
@ApplicationModule(
        displayName = "Metering",
        allowedDependencies = {"platform", "parties", "catalog", "offers", "agreements", "agreements :: events"})
@NullMarked
package io.offerdesk.metering;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
