package io.offerdesk.resale.internal;

import io.offerdesk.platform.ListOrder;
import io.offerdesk.resale.ResaleAuthorization;
import io.offerdesk.resale.ResaleAuthorizationFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resale authorizations. Every read names the party it is for: the manufacturer (ISV) that owns them, or the reseller
 * party they are shared with, which never sees drafts. Only {@link #claim} is unscoped: offers call it for an
 * authorization they already read through the reseller.
 */
@Repository
public class ResaleAuthorizationRepository {

    private static final String UPSERT = """
            INSERT INTO resale.authorization (id, manufacturer_party_id, reseller_party_id, reseller_account_id,
                product_id, status, name, availability_end, offers_max, revision, created_at, last_modified_at,
                document)
            VALUES (:id, :manufacturer, :reseller, :resellerAccount, :productId, :status, :name, :availabilityEnd,
                :offersMax, :revision, :createdAt, :lastModifiedAt, CAST(:document AS jsonb))
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, name = excluded.name,
                availability_end = excluded.availability_end, offers_max = excluded.offers_max,
                revision = excluded.revision, last_modified_at = excluded.last_modified_at,
                document = excluded.document
            """;
    private static final String COLUMNS = "SELECT offers_created, document FROM resale.authorization ";
    private static final String FILTERS = """
              AND (CAST(:status AS varchar) IS NULL OR status = :status)
              AND (CAST(:productId AS varchar) IS NULL OR product_id = :productId)
              AND (CAST(:resellerAccount AS varchar) IS NULL OR reseller_account_id = :resellerAccount)
              AND (cardinality(CAST(:entityIds AS varchar[])) = 0 OR id = ANY (CAST(:entityIds AS varchar[])))
              AND (cardinality(CAST(:names AS varchar[])) = 0 OR name = ANY (CAST(:names AS varchar[])))
              AND (CAST(:nameContains AS varchar) IS NULL OR name ILIKE '%' || :nameContains || '%')
              AND (CAST(:createdAfter AS timestamptz) IS NULL OR created_at >= :createdAfter)
              AND (CAST(:createdBefore AS timestamptz) IS NULL OR created_at <= :createdBefore)
              AND (CAST(:endsAfter AS date) IS NULL OR availability_end >= :endsAfter)
              AND (CAST(:endsBefore AS date) IS NULL OR availability_end <= :endsBefore)
              AND (CAST(:modifiedAfter AS timestamptz) IS NULL OR last_modified_at >= :modifiedAfter)
              AND (CAST(:modifiedBefore AS timestamptz) IS NULL OR last_modified_at <= :modifiedBefore)
            """;
    /**
     * Counts one offer only while the authorization can still make one: the condition and the increment are one
     * statement, so of two racing claims on a single-use authorization the second sees the first's count and fails.
     */
    private static final String CLAIM = """
            UPDATE resale.authorization SET offers_created = offers_created + 1
            WHERE id = :id AND status = 'ACTIVE'
              AND (availability_end IS NULL OR availability_end >= :today)
              AND (offers_max IS NULL OR offers_created < offers_max)
            RETURNING manufacturer_party_id, offers_created
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ResaleAuthorizationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void save(ResaleAuthorization authorization) {
        jdbc.sql(UPSERT)
                .param("id", authorization.id())
                .param("manufacturer", authorization.manufacturerPartyId())
                .param("reseller", authorization.resellerPartyId())
                .param("resellerAccount", authorization.resellerAccountId().value())
                .param("productId", authorization.productId())
                .param("status", authorization.status().name())
                .param("name", authorization.name())
                .param("availabilityEnd", authorization.availabilityEndDate())
                .param("offersMax", authorization.offersMaxQuantity())
                .param("revision", authorization.revision())
                .param("createdAt", Timestamp.from(authorization.createdAt()))
                .param("lastModifiedAt", Timestamp.from(authorization.lastModifiedAt()))
                .param("document", json.writeValueAsString(authorization))
                .update();
    }

    /** One of the manufacturer's authorizations. */
    public Optional<ResaleAuthorization> find(UUID manufacturer, String id) {
        return jdbc.sql(COLUMNS + "WHERE id = :id AND manufacturer_party_id = :manufacturer")
                .param("id", id)
                .param("manufacturer", manufacturer)
                .query(this::authorization)
                .optional();
    }

    /** One authorization shared with the reseller party: released, never a draft. */
    public Optional<ResaleAuthorization> findShared(UUID reseller, String id) {
        return jdbc.sql(COLUMNS + "WHERE id = :id AND reseller_party_id = :reseller AND status <> 'DRAFT'")
                .param("id", id)
                .param("reseller", reseller)
                .query(this::authorization)
                .optional();
    }

    public Optional<Long> revision(UUID manufacturer, String id) {
        return jdbc.sql("SELECT revision FROM resale.authorization WHERE id = :id AND manufacturer_party_id = :owner")
                .param("id", id)
                .param("owner", manufacturer)
                .query(Long.class)
                .optional();
    }

    public List<ResaleAuthorization> list(UUID manufacturer, ResaleAuthorizationFilter filter, int offset, int limit) {
        return filtered(
                COLUMNS + "WHERE manufacturer_party_id = :party " + FILTERS, manufacturer, filter, offset, limit);
    }

    public List<ResaleAuthorization> listShared(
            UUID reseller, ResaleAuthorizationFilter filter, int offset, int limit) {
        return filtered(
                COLUMNS + "WHERE reseller_party_id = :party AND status <> 'DRAFT' " + FILTERS,
                reseller,
                filter,
                offset,
                limit);
    }

    /** An offer counted: whose authorization it was and how many offers it has made now. */
    public record Claimed(UUID manufacturerPartyId, int offersCreated) {}

    /** Counts an offer, or answers empty when the authorization could not make another. */
    public Optional<Claimed> claim(String id, LocalDate today) {
        return jdbc.sql(CLAIM)
                .param("id", id)
                .param("today", today)
                .query((rs, row) -> new Claimed(rs.getObject("manufacturer_party_id", UUID.class), rs.getInt(2)))
                .optional();
    }

    private List<ResaleAuthorization> filtered(
            String sql, UUID party, ResaleAuthorizationFilter filter, int offset, int limit) {
        var order = switch (filter.sort()) {
            case LAST_MODIFIED_DATE -> ListOrder.notNull("last_modified_at");
            case ENTITY_ID -> ListOrder.notNull("id");
            case NAME -> ListOrder.notNull("name");
            case PRODUCT_ID -> ListOrder.notNull("product_id");
            case RESELLER_ACCOUNT_ID -> ListOrder.notNull("reseller_account_id");
            case STATUS -> ListOrder.notNull("status");
            case CREATED_DATE -> ListOrder.notNull("created_at");
            case AVAILABILITY_END_DATE -> ListOrder.nullable("availability_end");
        };
        return jdbc.sql(sql + order.sql(filter.ascending()) + " LIMIT :limit OFFSET :offset")
                .param("party", party)
                .param(
                        "status",
                        filter.status() == null ? null : filter.status().name())
                .param("productId", filter.productId())
                .param("resellerAccount", filter.resellerAccountId())
                .param("entityIds", filter.entityIds().toArray(String[]::new))
                .param("names", filter.names().toArray(String[]::new))
                .param("nameContains", filter.nameContains())
                .param("createdAfter", timestamp(filter.createdAfter()))
                .param("createdBefore", timestamp(filter.createdBefore()))
                .param("endsAfter", filter.endsAfter())
                .param("endsBefore", filter.endsBefore())
                .param("modifiedAfter", timestamp(filter.modifiedAfter()))
                .param("modifiedBefore", timestamp(filter.modifiedBefore()))
                .param("limit", limit)
                .param("offset", offset)
                .query(this::authorization)
                .list();
    }

    /** The document, with the count of offers from its column, where claims keep it. */
    private ResaleAuthorization authorization(ResultSet rs, int row) throws SQLException {
        var stored = json.readValue(rs.getString("document"), ResaleAuthorization.class);
        return stored.withOffersCreated(rs.getInt("offers_created"));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
