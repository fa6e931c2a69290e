package io.offerdesk.gtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.platform.OfferdeskSignature;
import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CRM side of the documented Salesforce example: its mapping with a seller's template and product filled into the
 * lookup tables, its opportunity, a connection acting as an offer author, and signed calls to the inbound endpoint.
 */
final class CrmFixtures {

    /** The template name the documented opportunity asks for. */
    static final String DOCUMENTED_TEMPLATE = "Three-year annual";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestApi api;
    private final PrincipalSource principals;

    CrmFixtures(TestApi api, PrincipalSource principals) {
        this.api = api;
        this.principals = principals;
    }

    /** The documented mapping with {@code templateName} and the product code INSIGHTS-PRO looked up to these ids. */
    static String mapping(String templateName, String templateId, String productId) {
        var document = (ObjectNode) JSON.readTree(resource("gtm/crm/salesforce-mapping.json"));
        ((ObjectNode) document.at("/fields/templateId/lookup")).put(templateName, templateId);
        ((ObjectNode) document.at("/fields/productId/lookup")).put("INSIGHTS-PRO", productId);
        return JSON.writeValueAsString(document);
    }

    /** The documented opportunity with its own id. */
    static String opportunity(String opportunityId) {
        return resource("gtm/crm/salesforce-opportunity.json").replace("0065g00000AbCdEAAZ", opportunityId);
    }

    /** The administrator's new connection, acting as the offer author; its JSON shows the secret once. */
    JsonNode connect(String admin, String author, String mapping) {
        var actingUser = principals.findLogin(author).orElseThrow().principal().userId();
        var reply = api.post("/api/v1/crm/connections", admin, """
                {"name":"Salesforce","mapping":%s,"actingUserId":"%s"}""".formatted(mapping, actingUser));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    /** A call to the inbound endpoint, signed when a signature is given. */
    Reply inbound(String connectionId, @Nullable String signature, String body) {
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/crm/inbound/" + connectionId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(OfferdeskSignature.HEADER, signature);
        }
        return api.send(request);
    }

    static String sign(String secret, Instant at, String body) {
        return OfferdeskSignature.header(secret, at, body);
    }

    static String resource(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
