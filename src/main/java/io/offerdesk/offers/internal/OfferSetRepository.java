package io.offerdesk.offers.internal;

import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.OfferSet;
import io.offerdesk.offers.OfferSetFilter;
import io.offerdesk.offers.OfferSetId;
import io.offerdesk.offers.OfferState;
import io.offerdesk.platform.ListOrder;
import io.offerdesk.shared.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Offer sets. Every read names the owner or the buyer accounts it is for. */
@Repository
public class OfferSetRepository {

    private static final String COLUMNS = """
            id, owner_party_id, name, buyer_notes, state, offer_ids, released_at, created_at, last_modified_at,
            revision""";
    private static final String UPSERT = """
            INSERT INTO offers.offer_set (%s)
            VALUES (:id, :owner, :name, :buyerNotes, :state, CAST(:offerIds AS varchar(19)[]), :releasedAt, :createdAt,
                :lastModifiedAt, :revision)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, buyer_notes = excluded.buyer_notes,
                state = excluded.state, offer_ids = excluded.offer_ids, released_at = excluded.released_at,
                last_modified_at = excluded.last_modified_at, revision = excluded.revision
            """.formatted(COLUMNS);

    private final JdbcClient jdbc;

    OfferSetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OfferSet> find(UUID owner, OfferSetId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM offers.offer_set WHERE id = :id AND owner_party_id = :owner")
                .param("id", id.value())
                .param("owner", owner)
                .query(OfferSetRepository::offerSet)
                .optional();
    }

    /** Any owner's set, for callers that decide visibility themselves. */
    public Optional<OfferSet> find(OfferSetId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM offers.offer_set WHERE id = :id")
                .param("id", id.value())
                .query(OfferSetRepository::offerSet)
                .optional();
    }

    public void save(OfferSet set) {
        jdbc.sql(UPSERT)
                .param("id", set.id().value())
                .param("owner", set.ownerPartyId())
                .param("name", set.name())
                .param("buyerNotes", set.buyerNotes())
                .param("state", set.state().name())
                .param("offerIds", set.offerIds().stream().map(OfferId::value).toArray(String[]::new))
                .param("releasedAt", timestamp(set.releasedAt()))
                .param("createdAt", Timestamp.from(set.createdAt()))
                .param("lastModifiedAt", Timestamp.from(set.lastModifiedAt()))
                .param("revision", set.revision())
                .update();
    }

    /** The owner's sets, most recently changed first. */
    public List<OfferSet> list(UUID owner, OfferSetFilter filter, int offset, int limit) {
        var order = switch (filter.sort()) {
            case LAST_MODIFIED_DATE -> ListOrder.notNull("last_modified_at");
            case ENTITY_ID -> ListOrder.notNull("id");
            case NAME -> ListOrder.notNull("name");
            case STATE -> ListOrder.notNull("state");
            case RELEASE_DATE -> ListOrder.nullable("released_at");
        };
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM offers.offer_set WHERE owner_party_id = :owner
                          AND (cardinality(CAST(:entityIds AS varchar[])) = 0 OR id = ANY (CAST(:entityIds AS varchar[])))
                          AND (cardinality(CAST(:names AS varchar[])) = 0 OR name = ANY (CAST(:names AS varchar[])))
                          AND (CAST(:state AS varchar) IS NULL OR state = :state)
                          AND (CAST(:releasedAfter AS timestamptz) IS NULL OR released_at >= :releasedAfter)
                          AND (CAST(:releasedBefore AS timestamptz) IS NULL OR released_at <= :releasedBefore)
                          AND (cardinality(CAST(:offerIds AS varchar[])) = 0
                               OR offer_ids && CAST(:offerIds AS varchar(19)[]))
                          AND (CAST(:modifiedAfter AS timestamptz) IS NULL OR last_modified_at >= :modifiedAfter)
                          AND (CAST(:modifiedBefore AS timestamptz) IS NULL OR last_modified_at <= :modifiedBefore)
                        """ + order.sql(filter.ascending()) + " LIMIT :limit OFFSET :offset")
                .param("owner", owner)
                .param("entityIds", filter.entityIds().toArray(String[]::new))
                .param("names", filter.names().toArray(String[]::new))
                .param("state", filter.state() == null ? null : filter.state().name())
                .param("releasedAfter", timestamp(filter.releasedAfter()))
                .param("releasedBefore", timestamp(filter.releasedBefore()))
                .param("offerIds", filter.offerIds().toArray(String[]::new))
                .param("modifiedAfter", timestamp(filter.modifiedAfter()))
                .param("modifiedBefore", timestamp(filter.modifiedBefore()))
                .param("limit", limit)
                .param("offset", offset)
                .query(OfferSetRepository::offerSet)
                .list();
    }

    /** Released sets whose offers target one of the accounts, most recently released first. */
    public List<OfferSet> forBuyer(List<AccountId> accounts, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM offers.offer_set s WHERE s.state = 'RELEASED'
                          AND EXISTS (SELECT 1 FROM offers.offer o
                                      WHERE o.offer_set_id = s.id
                                        AND o.buyer_accounts && CAST(:accounts AS varchar(12)[]))
                        ORDER BY released_at DESC, id LIMIT :limit OFFSET :offset
                        """)
                .param("accounts", accounts.stream().map(AccountId::value).toArray(String[]::new))
                .param("limit", limit)
                .param("offset", offset)
                .query(OfferSetRepository::offerSet)
                .list();
    }

    private static OfferSet offerSet(ResultSet rs, int row) throws SQLException {
        var released = rs.getTimestamp("released_at");
        return new OfferSet(
                new OfferSetId(rs.getString("id")),
                rs.getObject("owner_party_id", UUID.class),
                rs.getString("name"),
                rs.getString("buyer_notes"),
                OfferState.valueOf(rs.getString("state")),
                Arrays.stream((String[]) rs.getArray("offer_ids").getArray())
                        .map(OfferId::new)
                        .toList(),
                released == null ? null : released.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_modified_at").toInstant(),
                rs.getLong("revision"));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
