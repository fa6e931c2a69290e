package io.offerdesk.awsapi.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.ProductId;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The ids the Discovery API derives: each one reads back to what it was written from, and each is a value the model's
 * patterns accept, so that a buyer's program can pass it back as a filter or an id.
 */
class DiscoveryShapesTests {

    @Test
    void aListingIdNamesItsProductAndNothingElseNamesOne() {
        var product = new ProductId("prod-abcdefghij123");

        var listing = DiscoveryShapes.listingId(product);

        assertThat(listing).isEqualTo("prodview-abcdefghij123");
        assertThat(DiscoveryShapes.productOfListing(listing)).contains(product.value());
        assertThat(DiscoveryShapes.productOfListing(product.value())).isEmpty();
    }

    @Test
    void aSellerProfileIdNamesItsPartyAndAnythingElseNamesNone() {
        var party = UUID.randomUUID();

        var profile = DiscoveryShapes.sellerProfileId(party);

        assertThat(profile).matches("[\\w\\-]+");
        assertThat(DiscoveryShapes.partyOfSellerProfile(profile)).contains(party);
        assertThat(DiscoveryShapes.partyOfSellerProfile("seller-not-a-uuid")).isEmpty();
        assertThat(DiscoveryShapes.partyOfSellerProfile(party.toString())).isEmpty();
    }

    @Property
    void everyCategoryIdIsAFilterValueTheModelAccepts(@ForAll @StringLength(min = 1, max = 60) String category) {
        assertThat(DiscoveryShapes.categoryId(category)).matches("[\\w\\-.]+").hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void categoryIdsIgnoreCaseAndJoinWordsWithHyphens() {
        assertThat(DiscoveryShapes.categoryId("Machine Learning")).isEqualTo("machine-learning");
        assertThat(DiscoveryShapes.categoryId("Security & Compliance")).isEqualTo("security-compliance");
        assertThat(DiscoveryShapes.categoryId("  ")).isEqualTo("category");
    }

    @Test
    void aSubscriptionIsAContractAndAFreeTrialIsNoPricingModel() {
        assertThat(DiscoveryShapes.pricingModelType(PricingModel.SUBSCRIPTION)).contains("CONTRACT");
        assertThat(DiscoveryShapes.pricingModelType(PricingModel.CONTRACT)).contains("CONTRACT");
        assertThat(DiscoveryShapes.pricingModelType(PricingModel.USAGE)).contains("USAGE");
        assertThat(DiscoveryShapes.pricingModelType(PricingModel.BYOL)).contains("BYOL");
        assertThat(DiscoveryShapes.pricingModelType(PricingModel.FREE_TRIAL)).isEmpty();
    }

    @Test
    void pricingUnitsFollowTheWordsOfTheDimensionsUnit() {
        assertThat(DiscoveryShapes.pricingUnitType("Users")).isEqualTo("USERS");
        assertThat(DiscoveryShapes.pricingUnitType("Hosts")).isEqualTo("HOSTS");
        assertThat(DiscoveryShapes.pricingUnitType("Hrs")).isEqualTo("HOSTS");
        assertThat(DiscoveryShapes.pricingUnitType("Requests")).isEqualTo("REQUESTS");
        assertThat(DiscoveryShapes.pricingUnitType("GB")).isEqualTo("DATA");
        assertThat(DiscoveryShapes.pricingUnitType("Gbps")).isEqualTo("BANDWIDTH");
        assertThat(DiscoveryShapes.pricingUnitType("Units")).isEqualTo("UNITS");
    }
}
