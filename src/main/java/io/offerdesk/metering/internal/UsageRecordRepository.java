package io.offerdesk.metering.internal;

import io.offerdesk.metering.DailyUsage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Usage records, one per customer account, product, dimension and hour. */
@Repository
public class UsageRecordRepository {

    /** The unique key a record is deduplicated by. */
    public record HourKey(String customerAccountId, String productId, String dimension, Instant hour) {}

    /** A record to store; {@code allocations} is JSON. */
    public record NewRecord(
            UUID meteringRecordId,
            HourKey key,
            Instant usageTime,
            long quantity,
            String allocations,
            String fingerprint,
            String agreementId,
            UUID sellerPartyId,
            UUID buyerPartyId,
            @Nullable String clientToken) {}

    /** What a stored record is compared by. */
    public record Stored(UUID meteringRecordId, HourKey key, String fingerprint) {}

    private final JdbcClient jdbc;

    UsageRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the records whose hour is free, in key order (so batches that overlap wait for each other instead of
     * deadlocking); a record whose hour is taken, by a committed record or one committing at the same time, is
     * skipped. Returns the ids of the records stored.
     */
    public Set<UUID> insertNew(List<NewRecord> records, Instant recordedAt) {
        var sorted = records.stream()
                .sorted(Comparator.comparing((NewRecord r) -> r.key().customerAccountId())
                        .thenComparing(r -> r.key().dimension())
                        .thenComparing(r -> r.key().hour()))
                .toList();
        var stored = jdbc.sql("""
                        INSERT INTO metering.usage_record (metering_record_id, customer_account_id, product_id,
                            dimension, usage_hour, usage_time, quantity, allocations, fingerprint, agreement_id,
                            seller_party_id, buyer_party_id, client_token, recorded_at)
                        SELECT r.id, r.account, r.product, r.dimension, r.hour, r.usage_time, r.quantity,
                            CAST(r.allocations AS jsonb), r.fingerprint, r.agreement, r.seller, r.buyer, r.token,
                            :recordedAt
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:accounts AS varchar[]), CAST(:products AS varchar[]),
                            CAST(:dimensions AS varchar[]), CAST(:hours AS timestamptz[]),
                            CAST(:times AS timestamptz[]), CAST(:quantities AS bigint[]),
                            CAST(:allocations AS text[]), CAST(:fingerprints AS text[]),
                            CAST(:agreements AS varchar[]), CAST(:sellers AS uuid[]), CAST(:buyers AS uuid[]),
                            CAST(:tokens AS varchar[]))
                            WITH ORDINALITY AS r(id, account, product, dimension, hour, usage_time, quantity,
                                allocations, fingerprint, agreement, seller, buyer, token, position)
                        ORDER BY r.position
                        ON CONFLICT DO NOTHING
                        RETURNING metering_record_id
                        """)
                .param("recordedAt", Timestamp.from(recordedAt))
                .param("ids", strings(sorted, r -> r.meteringRecordId().toString()))
                .param("accounts", strings(sorted, r -> r.key().customerAccountId()))
                .param("products", strings(sorted, r -> r.key().productId()))
                .param("dimensions", strings(sorted, r -> r.key().dimension()))
                .param("hours", strings(sorted, r -> r.key().hour().toString()))
                .param("times", strings(sorted, r -> r.usageTime().toString()))
                .param("quantities", strings(sorted, r -> Long.toString(r.quantity())))
                .param("allocations", strings(sorted, NewRecord::allocations))
                .param("fingerprints", strings(sorted, NewRecord::fingerprint))
                .param("agreements", strings(sorted, NewRecord::agreementId))
                .param("sellers", strings(sorted, r -> r.sellerPartyId().toString()))
                .param("buyers", strings(sorted, r -> r.buyerPartyId().toString()))
                .param("tokens", strings(sorted, NewRecord::clientToken))
                .query(UUID.class)
                .list();
        return new HashSet<>(stored);
    }

    /** The stored records of the keys' hours. */
    public List<Stored> find(List<HourKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT u.metering_record_id, u.customer_account_id, u.product_id, u.dimension, u.usage_hour,
                            u.fingerprint
                        FROM metering.usage_record u
                        JOIN unnest(CAST(:accounts AS varchar[]), CAST(:products AS varchar[]),
                            CAST(:dimensions AS varchar[]), CAST(:hours AS timestamptz[]))
                            AS k(account, product, dimension, hour)
                          ON u.customer_account_id = k.account AND u.product_id = k.product
                         AND u.dimension = k.dimension AND u.usage_hour = k.hour
                        """)
                .param("accounts", keys.stream().map(HourKey::customerAccountId).toArray(String[]::new))
                .param("products", keys.stream().map(HourKey::productId).toArray(String[]::new))
                .param("dimensions", keys.stream().map(HourKey::dimension).toArray(String[]::new))
                .param("hours", keys.stream().map(k -> k.hour().toString()).toArray(String[]::new))
                .query(UsageRecordRepository::stored)
                .list();
    }

    /** The record MeterUsage stored for the client token, if any. */
    public Optional<Stored> findByClientToken(String customerAccountId, String productId, String clientToken) {
        return jdbc.sql("""
                        SELECT metering_record_id, customer_account_id, product_id, dimension, usage_hour,
                            fingerprint
                        FROM metering.usage_record
                        WHERE customer_account_id = :account AND product_id = :product AND client_token = :token
                        """)
                .param("account", customerAccountId)
                .param("product", productId)
                .param("token", clientToken)
                .query(UsageRecordRepository::stored)
                .optional();
    }

    /**
     * An agreement's usage by dimension and UTC day, for a party that may read it: the product's seller or the
     * agreement's buyer (the operator reads all).
     */
    public List<DailyUsage> daily(String agreementId, UUID readerPartyId, boolean operator) {
        return jdbc.sql("""
                        SELECT dimension, CAST(usage_hour AT TIME ZONE 'UTC' AS date) AS day, SUM(quantity)
                        FROM metering.usage_record
                        WHERE agreement_id = :agreement
                          AND (:operator OR seller_party_id = :party OR buyer_party_id = :party)
                        GROUP BY dimension, day
                        ORDER BY day, dimension
                        """)
                .param("agreement", agreementId)
                .param("operator", operator)
                .param("party", readerPartyId)
                .query((rs, row) ->
                        new DailyUsage(rs.getString(1), rs.getObject(2, java.time.LocalDate.class), rs.getLong(3)))
                .list();
    }

    private static String[] strings(
            List<NewRecord> records, java.util.function.Function<NewRecord, @Nullable String> f) {
        return records.stream().map(f).toArray(String[]::new);
    }

    /** A row of {@code metering_record_id, customer_account_id, product_id, dimension, usage_hour, fingerprint}. */
    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getObject(1, UUID.class),
                new HourKey(
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()),
                rs.getString(6));
    }
}
