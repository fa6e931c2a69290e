package io.offerdesk.offers.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferFilter;
import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.OfferRevision;
import io.offerdesk.offers.internal.domain.OfferDocuments;
import io.offerdesk.platform.ListOrder;
import io.offerdesk.shared.AccountId;
import java.sql.Array;
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

/**
 * Offers, their revision history and their expiry. Every read names the owner or the buyer accounts it is for; only
 * {@link #find(OfferId)} is unscoped, for callers that apply the visibility rules themselves.
 */
@Repository
public class OfferRepository {

    /** An offer that has just expired, for the expiry announcement. */
    public record Expired(OfferId id, UUID sellerPartyId, String productId, Instant expiresAt) {}

    private static final String UPSERT = """
            INSERT INTO offers.offer (id, seller_party_id, product_id, state, name, buyer_accounts, renewal,
                release_date, availability_end, expires_at, expiry_announced, revision, created_at, last_modified_at,
                resale_authorization_id, offer_set_id, document)
            VALUES (:id, :seller, :productId, :state, :name, CAST(:buyerAccounts AS varchar(12)[]), :renewal,
                :releaseDate, :availabilityEnd, :expiresAt, :expiryAnnounced, :revision, :createdAt, :lastModifiedAt,
                :resaleAuthorizationId, :offerSetId, CAST(:document AS jsonb))
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, name = excluded.name,
                offer_set_id = excluded.offer_set_id,
                buyer_accounts = excluded.buyer_accounts, renewal = excluded.renewal,
                release_date = excluded.release_date, availability_end = excluded.availability_end,
                expires_at = excluded.expires_at, expiry_announced = excluded.expiry_announced,
                revision = excluded.revision, last_modified_at = excluded.last_modified_at,
                document = excluded.document
            """;
    private static final String REVISION = """
            INSERT INTO offers.offer_revision (offer_id, revision, change_set_id, change_types, actor_name,
                modified_at, document)
            VALUES (:offerId, :revision, :changeSetId, CAST(:changeTypes AS text[]), :actorName, :modifiedAt,
                CAST(:document AS jsonb))
            """;
    private static final String SELLER_LIST = """
            SELECT id, revision, document FROM offers.offer
            WHERE seller_party_id = :seller
              AND (CAST(:state AS varchar) IS NULL OR state = :state)
              AND (CAST(:productId AS varchar) IS NULL OR product_id = :productId)
              AND (CAST(:buyerAccount AS varchar) IS NULL OR buyer_accounts @> ARRAY[CAST(:buyerAccount AS varchar(12))])
              AND (CAST(:name AS varchar) IS NULL OR name ILIKE '%' || :name || '%')
              AND (CAST(:releasedAfter AS timestamptz) IS NULL OR release_date >= :releasedAfter)
              AND (CAST(:releasedBefore AS timestamptz) IS NULL OR release_date <= :releasedBefore)
              AND (CAST(:expiresAfter AS date) IS NULL OR availability_end >= :expiresAfter)
              AND (CAST(:expiresBefore AS date) IS NULL OR availability_end <= :expiresBefore)
              AND (CAST(:renewal AS boolean) IS NULL OR renewal = :renewal)
              AND (cardinality(CAST(:entityIds AS varchar[])) = 0 OR id = ANY (CAST(:entityIds AS varchar[])))
              AND (cardinality(CAST(:names AS varchar[])) = 0 OR name = ANY (CAST(:names AS varchar[])))
              AND (cardinality(CAST(:productIds AS varchar[])) = 0
                   OR product_id = ANY (CAST(:productIds AS varchar[])))
              AND (cardinality(CAST(:resaleAuthorizationIds AS varchar[])) = 0
                   OR resale_authorization_id = ANY (CAST(:resaleAuthorizationIds AS varchar[])))
              AND (cardinality(CAST(:offerSetIds AS varchar[])) = 0
                   OR offer_set_id = ANY (CAST(:offerSetIds AS varchar[])))
              AND (CAST(:targeted AS boolean) IS NULL OR (cardinality(buyer_accounts) > 0) = :targeted)
              AND (CAST(:modifiedAfter AS timestamptz) IS NULL OR last_modified_at >= :modifiedAfter)
              AND (CAST(:modifiedBefore AS timestamptz) IS NULL OR last_modified_at <= :modifiedBefore)
            """;
    private static final String BUYER_LIST = """
            SELECT id, revision, document FROM offers.offer
            WHERE state = 'RELEASED' AND buyer_accounts && CAST(:accounts AS varchar(12)[])
              AND (expires_at >= :now) = :available
            ORDER BY expires_at %s, id
            LIMIT :limit OFFSET :offset
            """;

    private final JdbcClient jdbc;
    private final Cache<String, Offer> parsed =
            Caffeine.newBuilder().maximumSize(20_000).build();

    OfferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> revision(UUID seller, String id) {
        return jdbc.sql("SELECT revision FROM offers.offer WHERE id = :id AND seller_party_id = :seller")
                .param("id", id)
                .param("seller", seller)
                .query(Long.class)
                .optional();
    }

    public Optional<Offer> find(UUID seller, OfferId id) {
        return jdbc.sql("SELECT id, revision, document FROM offers.offer WHERE id = :id AND seller_party_id = :seller")
                .param("id", id.value())
                .param("seller", seller)
                .query(this::offer)
                .optional();
    }

    /** Any seller's offer, for callers that decide visibility themselves. */
    public Optional<Offer> find(OfferId id) {
        return jdbc.sql("SELECT id, revision, document FROM offers.offer WHERE id = :id")
                .param("id", id.value())
                .query(this::offer)
                .optional();
    }

    /** Writes the offer; the columns beside the document are taken from it. */
    public void save(Offer offer, boolean expiryAnnounced) {
        var expiresAt = offer.expiresAt();
        jdbc.sql(UPSERT)
                .param("id", offer.id().value())
                .param("seller", offer.sellerPartyId())
                .param("productId", offer.productId())
                .param("state", offer.state().name())
                .param("name", offer.name())
                .param(
                        "buyerAccounts",
                        textArray(offer.buyerAccounts().stream()
                                .map(AccountId::value)
                                .toList()))
                .param("renewal", offer.preExistingAgreement() != null)
                .param("releaseDate", timestamp(offer.releasedAt()))
                .param("availabilityEnd", offer.availabilityEndDate())
                .param("expiresAt", timestamp(expiresAt))
                .param("expiryAnnounced", expiryAnnounced)
                .param("revision", offer.revision())
                .param("createdAt", Timestamp.from(offer.createdAt()))
                .param("lastModifiedAt", Timestamp.from(offer.lastModifiedAt()))
                .param(
                        "resaleAuthorizationId",
                        offer.resale() == null ? null : offer.resale().authorizationId())
                .param("offerSetId", offer.offerSetId())
                .param("document", OfferDocuments.store(offer))
                .update();
    }

    /** Whether the stored offer's expiry was already announced; false for an offer not stored yet. */
    public boolean expiryAnnounced(OfferId id) {
        return jdbc.sql("SELECT expiry_announced FROM offers.offer WHERE id = :id")
                .param("id", id.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public void insertRevision(
            Offer offer, String changeSetId, List<String> changeTypes, String actorName, Instant modifiedAt) {
        jdbc.sql(REVISION)
                .param("offerId", offer.id().value())
                .param("revision", offer.revision())
                .param("changeSetId", changeSetId)
                .param("changeTypes", textArray(changeTypes))
                .param("actorName", actorName)
                .param("modifiedAt", Timestamp.from(modifiedAt))
                .param("document", OfferDocuments.store(offer))
                .update();
    }

    /** The offer's history, newest first. */
    public List<OfferRevision> revisions(OfferId id) {
        return jdbc.sql("""
                        SELECT revision, change_set_id, change_types, actor_name, modified_at
                        FROM offers.offer_revision WHERE offer_id = :id ORDER BY revision DESC
                        """)
                .param("id", id.value())
                .query((rs, row) -> new OfferRevision(
                        rs.getLong("revision"),
                        rs.getString("change_set_id"),
                        strings(rs.getArray("change_types")),
                        rs.getString("actor_name"),
                        rs.getTimestamp("modified_at").toInstant()))
                .list();
    }

    /** The offer as it was at a revision. */
    public Optional<Offer> atRevision(OfferId id, long revision) {
        return jdbc.sql(
                        "SELECT offer_id AS id, revision, document FROM offers.offer_revision WHERE offer_id = :id AND revision = :revision")
                .param("id", id.value())
                .param("revision", revision)
                .query(this::offer)
                .optional();
    }

    /** Whether the product has a released public offer other than {@code except}. */
    public boolean releasedPublicOfferExists(String productId, @Nullable OfferId except) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM offers.offer
                                       WHERE product_id = :productId AND state = 'RELEASED'
                                         AND cardinality(buyer_accounts) = 0 AND id <> :except)
                        """)
                .param("productId", productId)
                .param("except", except == null ? "" : except.value())
                .query(Boolean.class)
                .single();
    }

    public List<Offer> list(UUID seller, OfferFilter filter, int offset, int limit) {
        var order = switch (filter.sort()) {
            case LAST_MODIFIED_DATE -> ListOrder.notNull("last_modified_at");
            case NAME -> ListOrder.nullable("name");
            case RELEASE_DATE -> ListOrder.nullable("release_date");
            case AVAILABILITY_END_DATE -> ListOrder.nullable("availability_end");
            case PRODUCT_ID -> ListOrder.notNull("product_id");
            case STATE -> ListOrder.notNull("state");
            case ENTITY_ID -> ListOrder.notNull("id");
            case RESALE_AUTHORIZATION_ID -> ListOrder.nullable("resale_authorization_id");
            case OFFER_SET_ID -> ListOrder.nullable("offer_set_id");
            case BUYER_ACCOUNTS -> ListOrder.notNull("buyer_accounts");
            // AWS's targeting values in their order: BuyerAccounts before None
            case TARGETING -> ListOrder.notNull("cardinality(buyer_accounts) = 0");
        };
        return jdbc.sql(SELLER_LIST + order.sql(filter.ascending()) + " LIMIT :limit OFFSET :offset")
                .param("seller", seller)
                .param("state", filter.state() == null ? null : filter.state().name())
                .param("productId", filter.productId())
                .param("buyerAccount", filter.buyerAccount())
                .param("name", filter.name())
                .param("releasedAfter", timestamp(filter.releasedAfter()))
                .param("releasedBefore", timestamp(filter.releasedBefore()))
                .param("expiresAfter", filter.expiresAfter())
                .param("expiresBefore", filter.expiresBefore())
                .param("renewal", filter.renewal())
                .param("entityIds", textArray(filter.entityIds()))
                .param("names", textArray(filter.names()))
                .param("productIds", textArray(filter.productIds()))
                .param("resaleAuthorizationIds", textArray(filter.resaleAuthorizationIds()))
                .param("offerSetIds", textArray(filter.offerSetIds()))
                .param("targeted", filter.targeted())
                .param("modifiedAfter", timestamp(filter.modifiedAfter()))
                .param("modifiedBefore", timestamp(filter.modifiedBefore()))
                .param("limit", limit)
                .param("offset", offset)
                .query(this::offer)
                .list();
    }

    /**
     * Released offers that target one of the accounts: still open ({@code available}), soonest expiry first, or
     * expired, most recently expired first.
     */
    public List<Offer> forBuyer(List<AccountId> accounts, boolean available, Instant now, int offset, int limit) {
        return jdbc.sql(BUYER_LIST.formatted(available ? "ASC" : "DESC"))
                .param(
                        "accounts",
                        textArray(accounts.stream().map(AccountId::value).toList()))
                .param("now", Timestamp.from(now))
                .param("available", available)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::offer)
                .list();
    }

    /**
     * The released, unexpired offers for the product a buyer with these accounts may accept: the private offers that
     * target one of them and the product's public offer. Soonest expiry first; the public offer, which does not
     * expire, last.
     */
    public List<Offer> openForBuyer(List<AccountId> accounts, String productId, Instant now) {
        return jdbc.sql("""
                        SELECT id, revision, document FROM offers.offer
                        WHERE product_id = :productId AND state = 'RELEASED'
                          AND (expires_at IS NULL OR expires_at >= :now)
                          AND (buyer_accounts && CAST(:accounts AS varchar(12)[]) OR cardinality(buyer_accounts) = 0)
                        ORDER BY expires_at ASC NULLS LAST, id
                        """)
                .param("productId", productId)
                .param(
                        "accounts",
                        textArray(accounts.stream().map(AccountId::value).toList()))
                .param("now", Timestamp.from(now))
                .query(this::offer)
                .list();
    }

    /** The products of the released, unexpired private offers that target one of the accounts. */
    public List<String> productsOfferedTo(List<AccountId> accounts, Instant now) {
        return jdbc.sql("""
                        SELECT DISTINCT product_id FROM offers.offer
                        WHERE state = 'RELEASED' AND buyer_accounts && CAST(:accounts AS varchar(12)[])
                          AND expires_at >= :now
                        ORDER BY product_id
                        """)
                .param(
                        "accounts",
                        textArray(accounts.stream().map(AccountId::value).toList()))
                .param("now", Timestamp.from(now))
                .query(String.class)
                .list();
    }

    /**
     * The seller's other released offers for the product that are not expired and target one of the accounts.
     *
     * <p>Planned for each call's values rather than once for all: a seller's or product's share of the table ranges
     * from one offer to most of it, and the plan PostgreSQL caches for a prepared statement assumes an average share.
     * That plan intersected the seller's and the product's index entries, all of them for a seller with 100,000
     * offers (12.6 ms); planned for the values, the query reads the few offers of the product, or of the accounts
     * (below 1 ms). The setting ends with the transaction.
     */
    public List<Offer> openOffersFor(
            UUID seller, String productId, List<AccountId> accounts, OfferId except, Instant now) {
        jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")
                .query(String.class)
                .single();
        return jdbc.sql("""
                        SELECT id, revision, document FROM offers.offer
                        WHERE seller_party_id = :seller AND product_id = :productId AND state = 'RELEASED'
                          AND id <> :except AND buyer_accounts && CAST(:accounts AS varchar(12)[])
                          AND (expires_at IS NULL OR expires_at >= :now)
                        ORDER BY last_modified_at DESC LIMIT 10
                        """)
                .param("seller", seller)
                .param("productId", productId)
                .param("except", except.value())
                .param(
                        "accounts",
                        textArray(accounts.stream().map(AccountId::value).toList()))
                .param("now", Timestamp.from(now))
                .query(this::offer)
                .list();
    }

    public Optional<Instant> nextExpiry() {
        return jdbc.sql("""
                        SELECT min(expires_at) FROM offers.offer WHERE state = 'RELEASED' AND NOT expiry_announced
                        """)
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** Marks released offers whose expiry passed as announced and returns them; each is returned to one caller. */
    public List<Expired> claimExpired(Instant now, int limit) {
        return jdbc.sql("""
                        UPDATE offers.offer SET expiry_announced = true
                        WHERE id IN (SELECT id FROM offers.offer
                                     WHERE state = 'RELEASED' AND NOT expiry_announced AND expires_at < :now
                                     ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, seller_party_id, product_id, expires_at
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> new Expired(
                        new OfferId(rs.getString("id")),
                        rs.getObject("seller_party_id", UUID.class),
                        rs.getString("product_id"),
                        rs.getTimestamp("expires_at").toInstant()))
                .list();
    }

    /**
     * The offer a row holds. A document never changes under its revision, so each is parsed once: reading it checks its
     * whole shape, which a list would otherwise repeat for every row on every call.
     */
    private Offer offer(ResultSet rs, int row) throws SQLException {
        var document = rs.getString("document");
        return parsed.get(rs.getString("id") + "@" + rs.getLong("revision"), key -> OfferDocuments.load(document));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    /** A text array parameter: the driver sends it as {@code text[]}, so no literal is built and nothing needs quoting. */
    private static String[] textArray(List<String> values) {
        return values.toArray(String[]::new);
    }
}
