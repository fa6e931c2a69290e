package io.offerdesk.changesets.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tags and resource policies of the owner's change sets and entities; every query carries the owner. */
@Repository
public class ResourceMetadataRepository {

    private final JdbcClient jdbc;

    ResourceMetadataRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, String> tags(UUID owner, String type, String id) {
        var tags = new LinkedHashMap<String, String>();
        jdbc.sql("""
                        SELECT tag_key, tag_value FROM changesets.resource_tag
                        WHERE owner_party_id = :owner AND resource_type = :type AND resource_id = :id
                        ORDER BY tag_key
                        """)
                .param("owner", owner)
                .param("type", type)
                .param("id", id)
                .query((rs, n) -> tags.put(rs.getString("tag_key"), rs.getString("tag_value")))
                .list();
        return tags;
    }

    /** Adds the tags, replacing the value of a key the resource already has. */
    public void tag(UUID owner, String type, String id, Map<String, String> tags) {
        tags.forEach((key, value) -> jdbc.sql("""
                        INSERT INTO changesets.resource_tag (owner_party_id, resource_type, resource_id, tag_key,
                            tag_value)
                        VALUES (:owner, :type, :id, :key, :value)
                        ON CONFLICT (owner_party_id, resource_type, resource_id, tag_key)
                        DO UPDATE SET tag_value = EXCLUDED.tag_value
                        """)
                .param("owner", owner)
                .param("type", type)
                .param("id", id)
                .param("key", key)
                .param("value", value)
                .update());
    }

    public void untag(UUID owner, String type, String id, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        DELETE FROM changesets.resource_tag
                        WHERE owner_party_id = :owner AND resource_type = :type AND resource_id = :id
                          AND tag_key IN (:keys)
                        """)
                .param("owner", owner)
                .param("type", type)
                .param("id", id)
                .param("keys", keys)
                .update();
    }

    public Optional<String> policy(UUID owner, String type, String id) {
        return jdbc.sql("""
                        SELECT policy FROM changesets.resource_policy
                        WHERE owner_party_id = :owner AND resource_type = :type AND resource_id = :id
                        """)
                .param("owner", owner)
                .param("type", type)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    public void putPolicy(UUID owner, String type, String id, String policy) {
        jdbc.sql("""
                        INSERT INTO changesets.resource_policy (owner_party_id, resource_type, resource_id, policy)
                        VALUES (:owner, :type, :id, :policy)
                        ON CONFLICT (owner_party_id, resource_type, resource_id) DO UPDATE SET policy = EXCLUDED.policy
                        """)
                .param("owner", owner)
                .param("type", type)
                .param("id", id)
                .param("policy", policy)
                .update();
    }

    public boolean deletePolicy(UUID owner, String type, String id) {
        return jdbc.sql("""
                        DELETE FROM changesets.resource_policy
                        WHERE owner_party_id = :owner AND resource_type = :type AND resource_id = :id
                        """)
                        .param("owner", owner)
                        .param("type", type)
                        .param("id", id)
                        .update()
                > 0;
    }
}
