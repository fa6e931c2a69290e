package io.offerdesk.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.TestApi;
import java.time.Instant;

/**
 * What metering tests meter, as clients set it up: Acme's fresh metered products (a buyer account holds one agreement
 * per product, so tests must not share them), bought by Globex, and the simulated clock's now, which usage times are
 * checked against.
 */
public final class MeteringFixtures {

    private final TestApi api;
    private final AgreementFixtures agreements;

    public MeteringFixtures(TestApi api) {
        this.api = api;
        this.agreements = new AgreementFixtures(api);
    }

    /** A SaaS product bought by contract for "analysts" and metered in "requests" (BatchMeterUsage). */
    public String meteredSaasProduct() {
        var created = api.post(
                "/api/v1/products", AgreementFixtures.AUTHOR, """
                {"type":"SAAS","title":"%s","shortDescription":"Analytics metered by request",
                 "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"},
                               {"key":"requests","name":"Requests","unit":"Requests","type":"METERED"}],
                 "fulfillmentUrl":"https://acme.example/signup",
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"1200","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Metered product")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    /** An AMI product metered in "analysts" (MeterUsage from software in the buyer's account). */
    public String meteredAmi() {
        var created = api.post(
                "/api/v1/products", AgreementFixtures.AUTHOR, """
                {"type":"AMI","title":"%s","shortDescription":"An appliance for metering tests",
                 "dimensions":[{"key":"analysts","name":"Analyst hours","unit":"Hrs","type":"ENTITLED"}],
                 "delivery":{"amis":[{"amiId":"ami-0123456789abcdef0","region":"eu-central-1","operatingSystem":"Amazon Linux 2023"}],
                             "usageInstructions":"Launch it."},
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"876","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Metered appliance")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    /** Globex buys the product through a private offer for its management account; returns the agreement id. */
    public String boughtByGlobex(String product) {
        var bought = agreements.buy(agreements.installmentOffer(product, AgreementFixtures.GLOBEX_ACCOUNT));
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        return bought.json().at("/agreementId").asString();
    }

    /** The simulated clock's now, which metering's window is measured from. */
    public Instant now() {
        return Instant.parse(api.get("/api/v1/simulation/clock", "operator@offerdesk.example")
                .json()
                .at("/now")
                .asString());
    }
}
