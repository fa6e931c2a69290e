package io.offerdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@EndToEndTest
class AuditTrailTests {

    static final String OPERATOR = "operator@offerdesk.example";
    static final String ACME_ADMIN = "admin@acme.example";

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail trail;

    /** Other tests share this database and verify the chain too: put back what a test tampered with. */
    private Runnable restore = () -> {};

    @AfterEach
    void restoreTheChain() {
        restore.run();
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void recordsEveryChangeWithActorEntityAndPayloadDigest() {
        var me = api.get("/api/v1/users/me", ACME_ADMIN).json().at("/id").asString();
        var issued = api.post("/api/v1/users/" + me + "/api-keys", ACME_ADMIN, "{\"name\":\"audited\"}");
        var keyId = issued.json().at("/key/id").asString();

        var entries = api.get("/api/v1/audit/entries?entityType=api-key&entityId=" + keyId, OPERATOR)
                .json();
        assertThat(entries.size()).isEqualTo(1);
        var entry = entries.get(0);
        assertThat(entry.at("/action").asString()).isEqualTo("ApiKeyIssued");
        assertThat(entry.at("/actorName").asString()).contains("admin@acme.example");
        assertThat(entry.at("/actorKind").asString()).isEqualTo("API_KEY");
        assertThat(entry.at("/payloadDigest").asString()).hasSize(64);
        assertThat(entry.at("/payload").asString())
                .doesNotContain(issued.json().at("/token").asString());
    }

    @Test
    void verificationPinpointsAnEntryEditedInTheDatabase() {
        var me = api.get("/api/v1/users/me", ACME_ADMIN).json().at("/id").asString();
        api.post("/api/v1/users/" + me + "/api-keys", ACME_ADMIN, "{\"name\":\"to be tampered with\"}");
        assertThat(api.post("/api/v1/audit/verify", OPERATOR, "")
                        .json()
                        .at("/intact")
                        .asBoolean())
                .isTrue();

        var victim = jdbc.sql(
                        "SELECT sequence, actor_name FROM audit.entry WHERE payload::text LIKE '%to be tampered with%'")
                .query((rs, row) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        jdbc.sql("UPDATE audit.entry SET actor_name = 'Mallory' WHERE sequence = :sequence")
                .param("sequence", victim[0])
                .update();
        restore = () -> jdbc.sql("UPDATE audit.entry SET actor_name = :name WHERE sequence = :sequence")
                .param("name", victim[1])
                .param("sequence", victim[0])
                .update();

        var verification = api.post("/api/v1/audit/verify", OPERATOR, "").json();
        assertThat(verification.at("/intact").asBoolean()).isFalse();
        assertThat(verification.at("/firstBrokenSequence").asLong()).isEqualTo((Long) victim[0]);
        assertThat(verification.at("/reason").asString()).isEqualTo("CONTENT");
    }

    @Test
    void verificationFindsARemovedEntryAsABrokenLink() {
        var me = api.get("/api/v1/users/me", ACME_ADMIN).json().at("/id").asString();
        api.post("/api/v1/users/" + me + "/api-keys", ACME_ADMIN, "{\"name\":\"first of two\"}");
        api.post("/api/v1/users/" + me + "/api-keys", ACME_ADMIN, "{\"name\":\"second of two\"}");
        var removed = jdbc.sql(
                        "SELECT *, payload::text AS payload_text FROM audit.entry WHERE payload::text LIKE '%first of two%'")
                .query()
                .singleRow();
        var sequence = (Long) removed.get("sequence");
        jdbc.sql("DELETE FROM audit.entry WHERE sequence = :sequence")
                .param("sequence", sequence)
                .update();
        restore = () -> jdbc.sql("""
                        INSERT INTO audit.entry (sequence, occurred_at, actor_kind, actor_user_id, actor_party_id,
                            actor_name, action, entity_type, entity_id, owner_party_id, payload, payload_digest,
                            previous_hash, hash)
                        VALUES (:sequence, :occurred_at, :actor_kind, :actor_user_id, :actor_party_id, :actor_name,
                            :action, :entity_type, :entity_id, :owner_party_id, CAST(:payload_text AS json),
                            :payload_digest, :previous_hash, :hash)""").params(removed).update();

        var verification = trail.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.reason()).isEqualTo("LINK");
        assertThat(verification.firstBrokenSequence()).isGreaterThan(sequence);
    }

    @Test
    void onlyTheOperatorVerifiesAndPartiesReadOnlyTheirOwnEntries() {
        assertThat(api.post("/api/v1/audit/verify", ACME_ADMIN, "").status()).isEqualTo(403);
        var acme = api.get("/api/v1/parties/me", ACME_ADMIN).json().at("/id").asString();
        var own = api.get("/api/v1/audit/entries?limit=500", ACME_ADMIN).json();
        assertThat(own.size()).isPositive();
        own.forEach(entry -> assertThat(entry.at("/ownerPartyId").asString()).isEqualTo(acme));
        assertThat(api.get("/api/v1/audit/entries", "author@acme.example").status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/audit/entries?limit=0", OPERATOR).status()).isEqualTo(422);
    }
}
