package io.offerdesk.parties;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EndToEndTest
class PartiesApiTests {

    static final String OPERATOR = "operator@offerdesk.example";
    static final String ACME_ADMIN = "admin@acme.example";
    static final String NIMBUS_ADMIN = "admin@nimbus.example";
    static final String GLOBEX_ADMIN = "admin@globex.example";

    @Autowired
    TestApi api;

    @Test
    void operatorOnboardsASellerWhoseAdminActivatesWithTheInvitation() {
        var onboarded = api.post("/api/v1/parties", OPERATOR, """
                {"kind":"SELLER","name":"Contoso Data","accountId":"600000000001",
                 "adminEmail":"Admin@Contoso.example","adminName":"Carla Admin"}""");
        assertThat(onboarded.status()).isEqualTo(201);
        assertThat(onboarded.json().at("/account/id").asString()).isEqualTo("600000000001");
        assertThat(onboarded.json().at("/admin/email").asString()).isEqualTo("admin@contoso.example");
        assertThat(onboarded.json().at("/admin/status").asString()).isEqualTo("INVITED");

        var token = onboarded.json().at("/adminInvitationToken").asString();
        var accepted = api.post("/api/v1/invitations/" + token + "/accept", null, "{\"password\":\"long-enough\"}");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().at("/status").asString()).isEqualTo("ACTIVE");

        var again = api.post("/api/v1/invitations/" + token + "/accept", null, "{\"password\":\"long-enough\"}");
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void onboardingNamesEveryBrokenFieldAndChangesNothing() {
        var before = api.get("/api/v1/parties", OPERATOR).json().size();
        var reply = api.post("/api/v1/parties", OPERATOR, """
                {"kind":"BUYER","name":"%s","accountId":"12345","adminEmail":"not-an-email","adminName":""}""".formatted("x".repeat(201)));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().at("/errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "accountId", "adminEmail", "adminName");
        assertThat(api.get("/api/v1/parties", OPERATOR).json().size()).isEqualTo(before);
    }

    @Test
    void rejectsUnknownFieldsWrongTypesAndMalformedJsonWithTheFieldPath() {
        var unknown = api.post("/api/v1/parties", OPERATOR, "{\"kind\":\"SELLER\",\"colour\":\"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("colour");

        var wrongEnum = api.post("/api/v1/parties", OPERATOR, "{\"kind\":\"EMPEROR\"}");
        assertThat(wrongEnum.status()).isEqualTo(400);
        assertThat(wrongEnum.json().at("/errors/0/field").asString()).isEqualTo("kind");

        var wrongType = api.post(
                "/api/v1/users", ACME_ADMIN, "{\"email\":\"a@b.example\",\"displayName\":\"A\",\"roles\":\"ADMIN\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().at("/errors/0/field").asString()).isEqualTo("roles");

        var malformed = api.post("/api/v1/parties", OPERATOR, "{\"kind\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().at("/errors/0/code").asString()).isEqualTo("validation.malformedJson");
    }

    @Test
    void anotherPartysUsersAndPartyAreNotFound() {
        var nimbusUser =
                api.get("/api/v1/users/me", NIMBUS_ADMIN).json().at("/id").asString();
        var nimbusParty =
                api.get("/api/v1/parties/me", NIMBUS_ADMIN).json().at("/id").asString();

        assertThat(api.get("/api/v1/users/" + nimbusUser, ACME_ADMIN).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/parties/" + nimbusParty, ACME_ADMIN).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/parties/" + nimbusParty + "/users", ACME_ADMIN)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/users/" + nimbusUser + "/api-keys", ACME_ADMIN)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/users/" + nimbusUser, OPERATOR).status()).isEqualTo(200);
    }

    @Test
    void buyerAdministratorShapesTheOrganizationAndScopesRolesToAccounts() {
        var party = api.get("/api/v1/parties/me", GLOBEX_ADMIN).json().at("/id").asString();
        var unit =
                api.post("/api/v1/parties/" + party + "/organizational-units", GLOBEX_ADMIN, "{\"name\":\"Research\"}");
        assertThat(unit.status()).isEqualTo(201);
        var account = api.post(
                "/api/v1/parties/" + party + "/accounts",
                GLOBEX_ADMIN,
                "{\"name\":\"Globex Research\",\"unitId\":\""
                        + unit.json().at("/id").asString() + "\"}");
        assertThat(account.status()).isEqualTo(201);
        var accountId = account.json().at("/id").asString();
        assertThat(accountId).matches("\\d{12}");
        assertThat(account.json().at("/kind").asString()).isEqualTo("MEMBER");

        var invited = api.post("/api/v1/users", GLOBEX_ADMIN, """
                {"email":"researcher@globex.example","displayName":"Rita Researcher",
                 "roles":[{"role":"PROCUREMENT","accountId":"%s"},{"role":"VIEWER"}]}""".formatted(accountId));
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.json().at("/user/roles/0/account").asString()).isEqualTo(accountId);

        var sellerRole = api.post(
                "/api/v1/users",
                GLOBEX_ADMIN,
                "{\"email\":\"x@globex.example\",\"displayName\":\"X\",\"roles\":[{\"role\":\"OFFER_AUTHOR\"},{\"role\":\"VIEWER\",\"accountId\":\"999999999999\"}]}");
        assertThat(sellerRole.status()).isEqualTo(422);
        assertThat(sellerRole.json().at("/errors").findValuesAsString("field"))
                .containsExactly("roles[0].role", "roles[1].accountId");
    }

    @Test
    void aRevokedApiKeyNoLongerAuthenticates() {
        var me = api.get("/api/v1/users/me", ACME_ADMIN).json().at("/id").asString();
        var issued = api.post("/api/v1/users/" + me + "/api-keys", ACME_ADMIN, "{\"name\":\"ci\"}");
        assertThat(issued.status()).isEqualTo(201);
        var token = issued.json().at("/token").asString();
        var keyId = issued.json().at("/key/id").asString();
        var withKey = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.baseUrl() + "/api/v1/parties/me"))
                .header("Authorization", "Bearer " + token);
        assertThat(api.send(withKey).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/users/" + me + "/api-keys/" + keyId, ACME_ADMIN)
                        .status())
                .isEqualTo(204);
        assertThat(api.send(withKey).status()).isEqualTo(401);
    }
}
