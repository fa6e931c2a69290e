package io.offerdesk.commitments.internal;

import io.offerdesk.catalog.ProductType;
import io.offerdesk.commitments.internal.domain.CommitmentTerms;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Commitment contracts, their years and the milestones their years reached. */
@Repository
class CommitmentRepository {

    private static final String SELECT = """
            SELECT c.id, c.owner_party_id, c.name, c.currency, c.start_date, c.term_years, c.share_cap_percent,
                   array_to_string(c.excluded_types, ',') AS excluded, array_to_string(c.milestones, ',') AS milestones,
                   c.created_at, c.created_by, c.updated_at, c.version
            FROM commitments.commitment c
            """;

    private final JdbcClient jdbc;

    CommitmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Commitment c) {
        var t = c.terms();
        jdbc.sql("""
                INSERT INTO commitments.commitment (id, owner_party_id, name, currency, start_date, term_years,
                    share_cap_percent, excluded_types, milestones, created_at, created_by, updated_at, version)
                VALUES (:id, :owner, :name, :currency, :start, :years, :share, string_to_array(:excluded, ','),
                    CAST(string_to_array(:milestones, ',') AS int[]), :at, :by, :at, 1)
                """)
                .param("id", c.id())
                .param("owner", c.ownerPartyId())
                .param("name", t.name())
                .param("currency", t.currency().getCode())
                .param("start", t.startDate())
                .param("years", t.termYears())
                .param("share", t.shareCapPercent())
                .param("excluded", excluded(t))
                .param("milestones", milestones(t))
                .param("at", java.sql.Timestamp.from(c.createdAt()))
                .param("by", c.createdBy())
                .update();
        insertYears(c.id(), t);
    }

    /** Replaces the terms when the stored version is {@code version}; false when another change came first. */
    boolean update(String id, long version, CommitmentTerms t, Instant at) {
        var updated = jdbc.sql("""
                UPDATE commitments.commitment
                SET name = :name, currency = :currency, start_date = :start, term_years = :years,
                    share_cap_percent = :share, excluded_types = string_to_array(:excluded, ','),
                    milestones = CAST(string_to_array(:milestones, ',') AS int[]), updated_at = :at,
                    version = version + 1
                WHERE id = :id AND version = :version
                """)
                .param("id", id)
                .param("version", version)
                .param("name", t.name())
                .param("currency", t.currency().getCode())
                .param("start", t.startDate())
                .param("years", t.termYears())
                .param("share", t.shareCapPercent())
                .param("excluded", excluded(t))
                .param("milestones", milestones(t))
                .param("at", java.sql.Timestamp.from(at))
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM commitments.commitment_year WHERE commitment_id = :id")
                .param("id", id)
                .update();
        insertYears(id, t);
        return true;
    }

    private void insertYears(String id, CommitmentTerms t) {
        for (int n = 1; n <= t.termYears(); n++) {
            jdbc.sql("""
                    INSERT INTO commitments.commitment_year (commitment_id, year_no, amount_minor)
                    VALUES (:id, :n, :amount)
                    """)
                    .param("id", id)
                    .param("n", n)
                    .param("amount", t.yearlyCommitments().get(n - 1).getAmountMinorLong())
                    .update();
        }
    }

    /** The owner's commitment; another party's is not there. */
    Optional<Commitment> find(UUID owner, String id) {
        return list("WHERE c.owner_party_id = :owner AND c.id = :id", Map.of("owner", owner, "id", id)).stream()
                .findFirst();
    }

    /** The owner's commitments, the latest start first. */
    List<Commitment> of(UUID owner) {
        return list("WHERE c.owner_party_id = :owner ORDER BY c.start_date DESC, c.id", Map.of("owner", owner));
    }

    /** The commitments of all the owners in two queries, however many owners. */
    List<Commitment> ofEach(Collection<UUID> owners) {
        return list(
                "WHERE c.owner_party_id = ANY(CAST(:owners AS uuid[])) ORDER BY c.owner_party_id, c.start_date DESC, c.id",
                Map.of("owners", owners.toArray(UUID[]::new)));
    }

    private List<Commitment> list(String where, Map<String, Object> params) {
        var rows = jdbc.sql(SELECT + where).params(params).query(Row::of).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        var years = new HashMap<String, List<Long>>();
        jdbc.sql("""
                SELECT commitment_id, amount_minor FROM commitments.commitment_year
                WHERE commitment_id IN (:ids) ORDER BY commitment_id, year_no
                """).param("ids", rows.stream().map(Row::id).toList()).query(rs -> {
            years.computeIfAbsent(rs.getString("commitment_id"), k -> new ArrayList<>())
                    .add(rs.getLong("amount_minor"));
        });
        return rows.stream()
                .map(r -> r.commitment(years.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /** Records the milestone as reached unless it was; true when it is reached now. */
    boolean reach(String id, int year, int percent, Money counted, Instant at) {
        return jdbc.sql("""
                        INSERT INTO commitments.milestone_reached (commitment_id, year_no, percent, counted_minor,
                            reached_at)
                        VALUES (:id, :year, :percent, :counted, :at)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("id", id)
                        .param("year", year)
                        .param("percent", percent)
                        .param("counted", counted.getAmountMinorLong())
                        .param("at", java.sql.Timestamp.from(at))
                        .update()
                == 1;
    }

    List<Milestone> reached(String id) {
        return jdbc.sql("""
                SELECT year_no, percent, reached_at FROM commitments.milestone_reached
                WHERE commitment_id = :id ORDER BY reached_at, year_no, percent
                """)
                .param("id", id)
                .query((rs, n) -> new Milestone(
                        rs.getInt("year_no"),
                        rs.getInt("percent"),
                        rs.getTimestamp("reached_at").toInstant()))
                .list();
    }

    private static String excluded(CommitmentTerms t) {
        return t.excludedTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static String milestones(CommitmentTerms t) {
        return t.milestones().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private record Row(
            String id,
            UUID owner,
            String name,
            CurrencyUnit currency,
            LocalDate start,
            BigDecimal share,
            String excluded,
            String milestones,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            long version) {

        static Row of(ResultSet rs, int n) throws SQLException {
            return new Row(
                    rs.getString("id"),
                    rs.getObject("owner_party_id", UUID.class),
                    rs.getString("name"),
                    CurrencyUnit.of(rs.getString("currency")),
                    rs.getObject("start_date", LocalDate.class),
                    rs.getBigDecimal("share_cap_percent"),
                    rs.getString("excluded"),
                    rs.getString("milestones"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getString("created_by"),
                    rs.getTimestamp("updated_at").toInstant(),
                    rs.getLong("version"));
        }

        Commitment commitment(List<Long> years) {
            var terms = new CommitmentTerms(
                    name,
                    currency,
                    start,
                    years.stream().map(m -> Money.ofMinor(currency, m)).toList(),
                    share,
                    excluded.isEmpty()
                            ? java.util.Set.of()
                            : Arrays.stream(excluded.split(","))
                                    .map(ProductType::valueOf)
                                    .collect(Collectors.toSet()),
                    milestones.isEmpty()
                            ? List.of()
                            : Arrays.stream(milestones.split(","))
                                    .map(Integer::valueOf)
                                    .toList());
            return new Commitment(id, owner, terms, createdAt, createdBy, updatedAt, version);
        }
    }
}
