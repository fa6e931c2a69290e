package io.offerdesk.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One thing a product is priced by, e.g. users, hosts or requests.
 *
 * @param key the stable identifier offers and metering records refer to, unique in the product
 * @param name how buyers see it
 * @param unit the unit a quantity is counted in, e.g. {@code Users}, {@code Hrs}, {@code GB}
 * @param type whether it is bought up front (entitled) or paid as used (metered)
 */
public record Dimension(
        String key,
        String name,
        String unit,
        DimensionType type,
        @Nullable String description) {}
