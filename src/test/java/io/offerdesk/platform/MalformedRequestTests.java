package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.awsapi.internal.sigv4.TestSigning;
import io.offerdesk.awsapi.support.AwsClients;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Onboarding;
import io.offerdesk.support.TestApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Requests the fuzzer (ADR 0049) found answered with 500, each now a 400: a query whose escapes do not decode to UTF-8
 * (Tomcat threw on reading any parameter, on {@code /api}, the pages and {@code /aws}), and a body that says it is
 * multipart but is not (parsed before the handler was chosen, so no problem handler saw the exception); and a write whose
 * {@code Accept} admits no JSON, which was applied before Spring found it could not write the answer (a 406 after the
 * effect).
 */
@EndToEndTest
class MalformedRequestTests {

    @Autowired
    TestApi api;

    @Test
    void theApiAnswersAProblemNamingTheQuery() {
        var seller = new Onboarding(api).party("SELLER", "Query", "query", '7');

        var refused = api.get("/api/v1/agreements?offset=%ED%A0%80", seller.admin());

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().at("/type").asString()).endsWith("/malformedQuery");
    }

    @Test
    void aMultipartBodyWithoutBoundaryIsAProblemNotAFault() {
        var seller = new Onboarding(api).party("SELLER", "Multipart", "multipart", '7');

        var refused = api.send(api.request("/api/v1/eula-documents", seller.admin())
                .header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("not multipart")));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("$");
    }

    @Test
    void aWriteWhoseAcceptAdmitsNoJsonIsRefusedBeforeItRuns() {
        var seller = new Onboarding(api).party("SELLER", "Accept", "accept", '7');
        var title = "PS " + UUID.randomUUID();
        var product = """
                {"type":"PROFESSIONAL_SERVICES","title":"%s","shortDescription":"Services",
                 "dimensions":[{"key":"package","name":"Package","unit":"Units","type":"ENTITLED"}],
                 "delivery":{"deliverables":["A plan"],"estimatedDuration":"2 weeks"}}""".formatted(title);

        var refused = api.send(api.request("/api/v1/products", seller.admin())
                .header("Content-Type", "application/json")
                .header("Accept", "image/png")
                .POST(HttpRequest.BodyPublishers.ofString(product)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(406);
        assertThat(refused.json().at("/type").asString()).endsWith("/notAcceptable");
        assertThat(api.get("/api/v1/products", seller.admin()).body())
                .as("the refused write created nothing")
                .doesNotContain(title);
    }

    @Test
    void pagesAnswer400() {
        assertThat(api.get("/login?error=%FF%FE", null).status()).isEqualTo(400);
    }

    @Test
    void theAwsApiAnswersInTheServicesShape() {
        var seller = new Onboarding(api).party("SELLER", "Query", "query", '7');

        var refused = describeEntity(seller, "catalog=AWSMarketplace&entityId=%C0%AF");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("not valid percent-encoded UTF-8");
    }

    /** PostgreSQL keeps no NUL in text: a value with one is bad input, refused before or by the database, never a 500. */
    @Test
    void aNulCharacterInTextIsBadInputNamingTheField() {
        var seller = new Onboarding(api).party("SELLER", "Nul", "nul", '7');

        var rest = api.get("/api/v1/offers?name=Acme%00Stream", seller.admin());
        assertThat(rest.status()).as(rest.body()).isEqualTo(400);
        assertThat(rest.json().at("/errors/0/code").asString()).isEqualTo("validation.nulCharacter");

        var aws = describeEntity(seller, "catalog=AWSMarketplace&entityId=offer-abc%00");
        // Catalog's model gives its ValidationException 422
        assertThat(aws.status()).as(aws.body()).isEqualTo(422);
        assertThat(aws.body()).contains("EntityId: contains the NUL character");
    }

    /** A Catalog DescribeEntity with the query as given, signed with a key of the seller's admin. */
    private TestApi.Reply describeEntity(Onboarding.Onboarded seller, String query) {
        var keys = AwsClients.accessKey(api, seller.admin(), seller.admin());
        var host = api.baseUrl().substring("http://".length());
        var path = "/aws/catalog/DescribeEntity";
        var signedAt = Clock.systemUTC().instant();
        var amzDate = TestSigning.amzDate(signedAt);
        var authorization = TestSigning.authorization(
                "GET",
                path,
                query,
                Map.of("Host", List.of(host), "X-Amz-Date", List.of(amzDate)),
                new byte[0],
                keys.getOrDefault("accessKeyId", ""),
                keys.getOrDefault("secretAccessKey", ""),
                "us-east-1",
                signedAt);
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path + "?" + query))
                .header("X-Amz-Date", amzDate)
                .header("Authorization", authorization)
                .GET());
    }
}
