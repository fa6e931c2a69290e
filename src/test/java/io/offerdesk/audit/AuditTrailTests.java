package io.offerdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

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

    /** An audited event of this test's own, about an entity no other test has. */
    record Probed(String entityId, Instant occurredAt) implements AuditedEvent {
        @Override
        public Actor actor() {
            return Actor.system("Audit trail test");
        }

        @Override
        public String entityType() {
            return "audit-probe";
        }

        @Override
        public String ownerPartyId() {
            return "audit-probe";
        }
    }

    @Test
    void entriesAreAppendedAtTheCommitInTheOrderTheyWerePublishedAndTheHeadIsFreeUntilThen() {
        var first = "first-" + UUID.randomUUID();
        var second = "second-" + UUID.randomUUID();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new Probed(first, Instant.parse("2026-01-01T00:00:00Z")));
            events.publishEvent(new Probed(second, Instant.parse("2026-01-01T00:00:00Z")));
            // The chain's head is the one lock every audited commit queues for: this transaction has not taken it
            // (SELECT ... FOR UPDATE would hold a RowShareLock on the table) and has appended nothing yet.
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM pg_locks
                            WHERE pid = pg_backend_pid() AND relation = 'audit.chain_head'::regclass""").query(Long.class).single()).isZero();
            assertThat(entries(first) + entries(second)).isZero();
        });

        var appended = jdbc.sql("""
                        SELECT entity_id, sequence, previous_hash, hash FROM audit.entry
                        WHERE entity_id IN (:first, :second) ORDER BY sequence""")
                .param("first", first)
                .param("second", second)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(3), rs.getString(4)})
                .list();
        assertThat(appended).extracting(row -> row[0]).containsExactly(first, second);
        assertThat(appended.get(1)[1]).isEqualTo(appended.get(0)[2]);
    }

    @Test
    void anInnerTransactionAppendsItsOwnEntriesAndTheOuterOnesRollBackWithTheOuter() {
        var outer = "outer-" + UUID.randomUUID();
        var inner = "inner-" + UUID.randomUUID();
        var requiresNew = new TransactionTemplate(transactions);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new Probed(outer, Instant.parse("2026-01-01T00:00:00Z")));
            requiresNew.executeWithoutResult(
                    nested -> events.publishEvent(new Probed(inner, Instant.parse("2026-01-01T00:00:00Z"))));
            assertThat(entries(inner)).isOne();
            status.setRollbackOnly();
        });

        assertThat(entries(inner)).isOne();
        assertThat(entries(outer)).isZero();
    }

    private long entries(String entityId) {
        return jdbc.sql("SELECT count(*) FROM audit.entry WHERE entity_id = :id")
                .param("id", entityId)
                .query(Long.class)
                .single();
    }
}
