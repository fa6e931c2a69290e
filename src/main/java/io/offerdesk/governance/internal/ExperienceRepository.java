package io.offerdesk.governance.internal;

import io.offerdesk.governance.Experience;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Experiences; every read names the organization that owns them. */
@Repository
public class ExperienceRepository {

    private static final String UPSERT = """
            INSERT INTO governance.experience (id, owner_party_id, name, status, revision, created_at,
                last_modified_at, document)
            VALUES (:id, :owner, :name, :status, :revision, :createdAt, :lastModifiedAt, CAST(:document AS jsonb))
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, status = excluded.status,
                revision = excluded.revision, last_modified_at = excluded.last_modified_at,
                document = excluded.document
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ExperienceRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void save(Experience experience) {
        jdbc.sql(UPSERT)
                .param("id", experience.id())
                .param("owner", experience.ownerPartyId())
                .param("name", experience.name())
                .param("status", experience.status().name())
                .param("revision", experience.revision())
                .param("createdAt", Timestamp.from(experience.createdAt()))
                .param("lastModifiedAt", Timestamp.from(experience.lastModifiedAt()))
                .param("document", json.writeValueAsString(experience))
                .update();
    }

    public Optional<Experience> find(UUID owner, String id) {
        return jdbc.sql("SELECT document FROM governance.experience WHERE owner_party_id = :owner AND id = :id")
                .param("owner", owner)
                .param("id", id)
                .query((rs, row) -> read(rs.getString("document")))
                .optional();
    }

    public Optional<Long> revision(UUID owner, String id) {
        return jdbc.sql("SELECT revision FROM governance.experience WHERE owner_party_id = :owner AND id = :id")
                .param("owner", owner)
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    /** The organization's experiences, most recently changed first. */
    public List<Experience> all(UUID owner) {
        return jdbc.sql("""
                        SELECT document FROM governance.experience WHERE owner_party_id = :owner
                        ORDER BY last_modified_at DESC, id
                        """)
                .param("owner", owner)
                .query((rs, row) -> read(rs.getString("document")))
                .list();
    }

    public List<Experience> enabled(UUID owner) {
        return jdbc.sql("""
                        SELECT document FROM governance.experience
                        WHERE owner_party_id = :owner AND status = 'ENABLED'
                        """)
                .param("owner", owner)
                .query((rs, row) -> read(rs.getString("document")))
                .list();
    }

    private Experience read(String document) {
        return json.readValue(document, Experience.class);
    }
}
