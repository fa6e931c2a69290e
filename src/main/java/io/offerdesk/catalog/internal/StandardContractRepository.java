package io.offerdesk.catalog.internal;

import io.offerdesk.catalog.StandardContract;
import io.offerdesk.catalog.StandardContractVersion;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Standard contracts and their versions. Marketplace-wide reference data: no tenant owns them. */
@Repository
public class StandardContractRepository {

    private static final String SELECT = """
            SELECT c.id, c.title, c.current_version, c.created_at,
                   v.version, v.body, v.published_at, v.published_by
            FROM catalog.standard_contract c
            JOIN catalog.standard_contract_version v ON v.contract_id = c.id
            """;
    private static final String ALL = SELECT + "ORDER BY c.title, c.id, v.sequence DESC";
    private static final String ONE = SELECT + "WHERE c.id = :id ORDER BY v.sequence DESC";
    private static final String TITLE_TAKEN =
            "SELECT count(*) FROM catalog.standard_contract WHERE lower(title) = lower(:title)";
    private static final String INSERT_CONTRACT = """
            INSERT INTO catalog.standard_contract (id, title, current_version, created_at)
            VALUES (:id, :title, :version, :createdAt)
            """;
    private static final String INSERT_VERSION = """
            INSERT INTO catalog.standard_contract_version (contract_id, version, body, published_at, published_by)
            VALUES (:id, :version, :body, :publishedAt, :publishedBy)
            """;
    private static final String SET_CURRENT =
            "UPDATE catalog.standard_contract SET current_version = :version WHERE id = :id";
    private static final String LOCK = "SELECT id FROM catalog.standard_contract WHERE id = :id FOR UPDATE";

    private final JdbcClient jdbc;

    StandardContractRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StandardContract> all() {
        return assemble(jdbc.sql(ALL).query(StandardContractRepository::row).list());
    }

    public Optional<StandardContract> find(UUID id) {
        return assemble(jdbc.sql(ONE)
                        .param("id", id)
                        .query(StandardContractRepository::row)
                        .list())
                .stream()
                .findFirst();
    }

    /** Serializes version additions to one contract, so two operators cannot both publish "the current" one. */
    public boolean lock(UUID id) {
        return !jdbc.sql(LOCK).param("id", id).query(UUID.class).list().isEmpty();
    }

    public boolean titleTaken(String title) {
        return jdbc.sql(TITLE_TAKEN).param("title", title).query(Long.class).single() > 0;
    }

    public void insert(UUID id, String title, StandardContractVersion first) {
        jdbc.sql(INSERT_CONTRACT)
                .param("id", id)
                .param("title", title)
                .param("version", first.version())
                .param("createdAt", Timestamp.from(first.publishedAt()))
                .update();
        insertVersion(id, first);
    }

    public void addVersion(UUID id, StandardContractVersion version) {
        insertVersion(id, version);
        jdbc.sql(SET_CURRENT)
                .param("id", id)
                .param("version", version.version())
                .update();
    }

    private void insertVersion(UUID id, StandardContractVersion version) {
        jdbc.sql(INSERT_VERSION)
                .param("id", id)
                .param("version", version.version())
                .param("body", version.body())
                .param("publishedAt", Timestamp.from(version.publishedAt()))
                .param("publishedBy", version.publishedBy())
                .update();
    }

    private record Row(
            UUID id,
            String title,
            String currentVersion,
            java.time.Instant createdAt,
            StandardContractVersion version) {}

    private static Row row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("current_version"),
                rs.getTimestamp("created_at").toInstant(),
                new StandardContractVersion(
                        rs.getString("version"),
                        rs.getString("body"),
                        rs.getTimestamp("published_at").toInstant(),
                        rs.getString("published_by")));
    }

    private static List<StandardContract> assemble(List<Row> rows) {
        var grouped = new LinkedHashMap<UUID, List<Row>>();
        rows.forEach(
                r -> grouped.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
        return grouped.values().stream()
                .map(group -> {
                    var head = group.getFirst();
                    return new StandardContract(
                            head.id(),
                            head.title(),
                            head.currentVersion(),
                            head.createdAt(),
                            group.stream().map(Row::version).toList());
                })
                .toList();
    }
}
