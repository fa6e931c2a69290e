package io.offerdesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every kind of bad product input is answered with the field that broke the rule, and changes nothing. */
@EndToEndTest
class ProductValidationApiTests {

    static final String AUTHOR = "author@acme.example";

    @Autowired
    TestApi api;

    Reply create(String json) {
        return api.post("/api/v1/products", AUTHOR, json);
    }

    static String saas(String dimensions, String extra) {
        return """
                {"type":"SAAS","title":"Valid %s","shortDescription":"A product","dimensions":%s,
                 "fulfillmentUrl":"https://example.com/signup"%s}""".formatted(UUID.randomUUID(), dimensions, extra);
    }

    static final String USERS = "[{\"key\":\"users\",\"name\":\"Users\",\"unit\":\"Users\",\"type\":\"ENTITLED\"}]";
    static final String USERS_AND_CALLS =
            "[{\"key\":\"users\",\"name\":\"Users\",\"unit\":\"Users\",\"type\":\"ENTITLED\"},"
                    + "{\"key\":\"calls\",\"name\":\"Calls\",\"unit\":\"Requests\",\"type\":\"METERED\"}]";

    static void assertFields(Reply reply, int status, String... fields) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().at("/errors").findValuesAsString("field")).containsExactlyInAnyOrder(fields);
    }

    @Test
    void namesOverLongTextsAndMissingFields() {
        var reply = create("""
                {"type":"SAAS","title":"%s","shortDescription":"%s","longDescription":"%s",
                 "dimensions":[],"fulfillmentUrl":"https://example.com"}""".formatted("t".repeat(256), "s".repeat(1001), "l".repeat(5001)));
        assertFields(reply, 422, "title", "shortDescription", "longDescription", "dimensions");
        assertThat(reply.json().at("/errors/0/message").asString()).isNotBlank();

        assertFields(create("{}"), 422, "type", "title", "shortDescription", "dimensions");
    }

    @Test
    void namesBadDuplicateAndDisallowedDimensions() {
        var reply = create(saas("""
                [{"key":"users","name":"Users","unit":"Users","type":"ENTITLED"},
                 {"key":"bad key!","name":"Bad","unit":"Units","type":"ENTITLED"},
                 {"key":"users","name":"Again","unit":"Users","type":"ENTITLED"},
                 {"key":"ok","name":"%s","unit":"","type":"METERED"}]""".formatted("n".repeat(101)), ""));
        assertFields(reply, 422, "dimensions[1].key", "dimensions[2].key", "dimensions[3].name", "dimensions[3].unit");

        var services = create("""
                {"type":"PROFESSIONAL_SERVICES","title":"PS %s","shortDescription":"Services",
                 "dimensions":[{"key":"hours","name":"Hours","unit":"Hrs","type":"METERED"}],
                 "delivery":{"deliverables":["A plan"],"estimatedDuration":"2 weeks"}}""".formatted(UUID.randomUUID()));
        assertFields(services, 422, "dimensions[0].type");
        assertThat(services.json().at("/errors/0/code").asString()).isEqualTo("validation.dimension.typeNotForProduct");
    }

    @Test
    void namesBadDeliveryOptionsForEachType() {
        assertFields(
                create(saas(USERS, "").replace("https://example.com/signup", "http://example.com/signup")),
                422,
                "fulfillmentUrl");
        var ami = create("""
                {"type":"AMI","title":"AMI %s","shortDescription":"Image",
                 "dimensions":[{"key":"m5.large","name":"m5.large","unit":"Hrs","type":"METERED"}],
                 "delivery":{"amis":[{"amiId":"ami-12345","region":"us-east-1","operatingSystem":"Linux"},
                                     {"amiId":"ami-0123456789abcdef0","region":"Frankfurt","operatingSystem":"Linux"}],
                             "usageInstructions":"Run it","fulfillmentUrl":"https://example.com"}}""".formatted(UUID.randomUUID()));
        assertFields(ami, 422, "delivery.amis[0].amiId", "delivery.amis[1].region", "delivery.fulfillmentUrl");

        var container = create("""
                {"type":"CONTAINER","title":"Container %s","shortDescription":"Image",
                 "dimensions":[{"key":"vcpu","name":"vCPU","unit":"Hrs","type":"METERED"}],
                 "delivery":{"containerImages":[{"repositoryUri":"Not A URI","tag":"bad tag"}]}}""".formatted(UUID.randomUUID()));
        assertFields(
                container,
                422,
                "delivery.containerImages[0].repositoryUri",
                "delivery.containerImages[0].tag",
                "delivery.deploymentInstructions");

        var ml = create("""
                {"type":"MACHINE_LEARNING","title":"ML %s","shortDescription":"Model",
                 "dimensions":[{"key":"inference","name":"Inference","unit":"Hrs","type":"METERED"}],
                 "delivery":{"modelPackageArn":"arn:aws:s3:::bucket"}}""".formatted(UUID.randomUUID()));
        assertFields(ml, 422, "delivery.modelPackageArn");
    }

    @Test
    void namesBadPricesInsideTheProduct() {
        var reply = create(saas(USERS_AND_CALLS, """
                ,"publicOffer":{"pricingModels":["CONTRACT","USAGE"],
                  "prices":[{"model":"CONTRACT","dimensionKey":"users","durationMonths":12,"amount":"10.001"},
                            {"model":"USAGE","dimensionKey":"calls","amount":"-0.01"},
                            {"model":"USAGE","dimensionKey":"calls","amount":"0.000000001"},
                            {"model":"CONTRACT","dimensionKey":"calls","durationMonths":7,"amount":"1.00"},
                            {"model":"USAGE","dimensionKey":"nope","amount":"abc","currency":"EUR"}]}"""));
        assertFields(
                reply,
                422,
                "publicOffer.prices[0].amount",
                "publicOffer.prices[1].amount",
                "publicOffer.prices[2].amount",
                "publicOffer.prices[3].dimensionKey",
                "publicOffer.prices[3].durationMonths",
                "publicOffer.prices[4].dimensionKey",
                "publicOffer.prices[4].amount",
                "publicOffer.prices[4].currency");
        var codes = reply.json().at("/errors").findValuesAsString("code");
        assertThat(codes)
                .contains("validation.price.scale", "validation.price.negative", "validation.price.dimensionType");
    }

    @Test
    void rejectsPricingModelsTheTypeDoesNotAllow() {
        var id = api.post("/api/v1/products", AUTHOR, """
                        {"type":"PROFESSIONAL_SERVICES","title":"PS %s","shortDescription":"Services",
                         "dimensions":[{"key":"package","name":"Package","unit":"Units","type":"ENTITLED"}],
                         "delivery":{"deliverables":["A plan"],"estimatedDuration":"2 weeks"}}""".formatted(UUID.randomUUID()))
                .json()
                .at("/id")
                .asString();
        var reply = api.put("/api/v1/products/" + id + "/public-offer", AUTHOR, """
                {"pricingModels":["CONTRACT","USAGE"],
                 "prices":[{"model":"CONTRACT","dimensionKey":"package","durationMonths":1,"amount":"100.00"}]}""");
        assertFields(reply, 422, "pricingModels[1]", "prices");

        var byol = api.put(
                "/api/v1/products/" + id + "/public-offer",
                AUTHOR,
                "{\"pricingModels\":[\"BYOL\"],\"freeTrialDays\":3}");
        assertFields(byol, 422, "pricingModels[0]", "freeTrialDays");
    }

    @Test
    void answersUnreadableInputWith400AndTheField() {
        assertFields(create("{\"type\":\"SHOES\"}"), 400, "type");
        assertFields(create(saas(USERS, ",\"colour\":\"red\"")), 400, "colour");
        assertFields(
                create(saas("[{\"key\":\"k\",\"name\":\"n\",\"unit\":\"u\",\"type\":\"SOMETIMES\"}]", "")),
                400,
                "dimensions[0].type");
        assertFields(create("{\"type\":"), 400, "$");
    }

    @Test
    void keepsTheTypeOfAProductAndThePricedDimensions() {
        var created = create(saas(USERS, """
                ,"publicOffer":{"pricingModels":["CONTRACT"],
                  "prices":[{"model":"CONTRACT","dimensionKey":"users","durationMonths":12,"amount":"10"}]}"""));
        var id = created.json().at("/id").asString();
        var reply = api.put("/api/v1/products/" + id, AUTHOR, """
                {"version":2,"type":"AMI","title":"Changed","shortDescription":"x",
                 "dimensions":[{"key":"seats","name":"Seats","unit":"Users","type":"ENTITLED"}],
                 "fulfillmentUrl":"https://example.com"}""");
        assertFields(reply, 422, "type", "dimensions");
    }
}
