package io.offerdesk.catalog;

import static io.offerdesk.catalog.DimensionType.ENTITLED;
import static io.offerdesk.catalog.DimensionType.METERED;
import static io.offerdesk.catalog.PricingModel.BYOL;
import static io.offerdesk.catalog.PricingModel.CONTRACT;
import static io.offerdesk.catalog.PricingModel.FREE_TRIAL;
import static io.offerdesk.catalog.PricingModel.SUBSCRIPTION;
import static io.offerdesk.catalog.PricingModel.USAGE;

import java.util.Set;

/**
 * The kinds of product AWS Marketplace lists, with what each may be sold as. Server products (AMI, container,
 * machine learning) are metered by the hour or sold as annual/long-term contracts, and may be brought with an own
 * license; SaaS is sold by contract, by usage (also together: contract with consumption) or by subscription;
 * professional services are only ever a contract for entitled units; data products are subscriptions for a duration
 * and may meter API calls.
 */
public enum ProductType {
    SAAS(Set.of(ENTITLED, METERED), Set.of(CONTRACT, USAGE, SUBSCRIPTION, FREE_TRIAL)),
    AMI(Set.of(ENTITLED, METERED), Set.of(USAGE, CONTRACT, BYOL, FREE_TRIAL)),
    CONTAINER(Set.of(ENTITLED, METERED), Set.of(USAGE, CONTRACT, BYOL, FREE_TRIAL)),
    MACHINE_LEARNING(Set.of(ENTITLED, METERED), Set.of(USAGE, CONTRACT, FREE_TRIAL)),
    PROFESSIONAL_SERVICES(Set.of(ENTITLED), Set.of(CONTRACT)),
    DATA(Set.of(ENTITLED, METERED), Set.of(CONTRACT, SUBSCRIPTION, USAGE));

    private final Set<DimensionType> dimensionTypes;
    private final Set<PricingModel> pricingModels;

    ProductType(Set<DimensionType> dimensionTypes, Set<PricingModel> pricingModels) {
        this.dimensionTypes = dimensionTypes;
        this.pricingModels = pricingModels;
    }

    public boolean allows(DimensionType type) {
        return dimensionTypes.contains(type);
    }

    public boolean allows(PricingModel model) {
        return pricingModels.contains(model);
    }

    public Set<DimensionType> dimensionTypes() {
        return dimensionTypes;
    }

    public Set<PricingModel> pricingModels() {
        return pricingModels;
    }
}
