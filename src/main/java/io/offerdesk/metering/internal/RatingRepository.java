package io.offerdesk.metering.internal;

import io.offerdesk.metering.RatedPeriod;
import io.offerdesk.metering.internal.domain.Rating;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The billing periods of agreements with a usage rate card and what their ratings found. The rating reads and claims
 * periods across tenants by design; readers get only the periods of agreements they are a party to.
 */
@Repository
public class RatingRepository {

    private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {};

    /** A billing period to rate. */
    public record Period(String agreementId, Instant start, Instant end) {}

    /** A stored usage record of a period: its dimension, quantity and allocations (JSON), in the order of use. */
    public record UsedRecord(String dimension, long quantity, String allocations) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RatingRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Plans the rating of an agreement with its first period; a second announcement changes nothing. */
    public void plan(
            String agreementId, UUID sellerPartyId, UUID buyerPartyId, @Nullable Instant endsAt, Period first) {
        var planned = jdbc.sql("""
                        INSERT INTO metering.rating_plan (agreement_id, seller_party_id, buyer_party_id, ends_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT (agreement_id) DO NOTHING
                        """)
                .params(agreementId, sellerPartyId, buyerPartyId, endsAt == null ? null : Timestamp.from(endsAt))
                .update();
        if (planned == 1) {
            addPeriod(first);
        }
    }

    /**
     * The agreement ended at {@code at}: usage after it no longer counts. The open period ends there and periods that
     * would start later are not rated; a period already rated stands.
     */
    public void ended(String agreementId, Instant at) {
        var when = Timestamp.from(at);
        var planned =
                jdbc.sql("""
                        UPDATE metering.rating_plan SET ends_at = LEAST(COALESCE(ends_at, :at), :at)
                        WHERE agreement_id = :agreement
                        """).param("at", when).param("agreement", agreementId).update();
        if (planned == 0) {
            return;
        }
        jdbc.sql("""
                        DELETE FROM metering.rating_period
                        WHERE agreement_id = :agreement AND rated_at IS NULL AND period_start >= :at
                        """).param("at", when).param("agreement", agreementId).update();
        jdbc.sql("""
                        UPDATE metering.rating_period SET period_end = :at
                        WHERE agreement_id = :agreement AND rated_at IS NULL AND period_end > :at
                        """).param("at", when).param("agreement", agreementId).update();
    }

    public void addPeriod(Period period) {
        jdbc.sql("""
                        INSERT INTO metering.rating_period (agreement_id, period_start, period_end)
                        VALUES (?, ?, ?) ON CONFLICT DO NOTHING
                        """)
                .params(period.agreementId(), Timestamp.from(period.start()), Timestamp.from(period.end()))
                .update();
    }

    /** The end of the earliest period not yet rated that ends after {@code after}. */
    public Optional<Instant> nextEndAfter(Instant after) {
        return jdbc.sql("""
                        SELECT min(period_end) FROM metering.rating_period WHERE rated_at IS NULL AND period_end > ?
                        """)
                .param(Timestamp.from(after))
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .map(Timestamp::toInstant);
    }

    /**
     * Locks (in the caller's transaction) up to {@code limit} periods not yet rated that ended by {@code endedBy},
     * skipping those another worker holds.
     */
    public List<Period> claim(Instant endedBy, int limit) {
        return jdbc.sql("""
                        SELECT agreement_id, period_start, period_end FROM metering.rating_period
                        WHERE rated_at IS NULL AND period_end <= ?
                        ORDER BY period_end, agreement_id
                        LIMIT ? FOR UPDATE SKIP LOCKED
                        """)
                .params(Timestamp.from(endedBy), limit)
                .query((rs, n) -> new Period(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Where the usage that counts for the agreement ends, if it ends. */
    public Optional<Instant> endsAt(String agreementId) {
        return jdbc.sql("SELECT ends_at FROM metering.rating_plan WHERE agreement_id = ?")
                .param(agreementId)
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .map(Timestamp::toInstant);
    }

    /** The agreement's usage records timed in the period, in the order they were used. */
    public List<UsedRecord> usage(Period period) {
        // usage_hour bounds the index range; usage_time is what decides the period
        return jdbc.sql("""
                        SELECT dimension, quantity, allocations::text FROM metering.usage_record
                        WHERE agreement_id = :agreement
                          AND usage_hour > CAST(:start AS timestamptz) - interval '1 hour' AND usage_hour < :end
                          AND usage_time >= :start AND usage_time < :end
                        ORDER BY usage_time, metering_record_id
                        """)
                .param("agreement", period.agreementId())
                .param("start", Timestamp.from(period.start()))
                .param("end", Timestamp.from(period.end()))
                .query((rs, n) -> new UsedRecord(rs.getString(1), rs.getLong(2), rs.getString(3)))
                .list();
    }

    /** The agreement's usage per dimension before the instant: what drew on a contract's entitlement first. */
    public Map<String, Long> usedBefore(String agreementId, Instant before) {
        var used = new HashMap<String, Long>();
        jdbc.sql("""
                        SELECT dimension, sum(quantity) FROM metering.usage_record
                        WHERE agreement_id = ? AND usage_time < ?
                        GROUP BY dimension
                        """).params(agreementId, Timestamp.from(before)).query(rs -> {
            used.put(rs.getString(1), rs.getLong(2));
        });
        return used;
    }

    /**
     * Stores a rating's lines and marks the period rated.
     *
     * @param chargeIds the charge of each line, null for a line without a billed quantity
     * @throws IllegalStateException when the period was rated already: it was claimed, so only a bug gets here
     */
    public void rated(Period period, List<Rating.Line> lines, List<@Nullable String> chargeIds, Instant now) {
        var start = Timestamp.from(period.start());
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            var wholesale = line.wholesale();
            jdbc.sql("""
                            INSERT INTO metering.rated_usage (agreement_id, period_start, line_no, period_end,
                                dimension, allocation_tags, used_quantity, covered_quantity, billed_quantity, currency,
                                unit_price, amount_minor, wholesale_minor, charge_id)
                            VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            period.agreementId(),
                            start,
                            i + 1,
                            Timestamp.from(period.end()),
                            line.dimension(),
                            json.writeValueAsString(line.tags()),
                            line.used(),
                            line.covered(),
                            line.billed(),
                            line.amount().getCurrencyUnit().getCode(),
                            line.unitPrice(),
                            line.amount().getAmountMinorLong(),
                            wholesale == null ? null : wholesale.getAmountMinorLong(),
                            chargeIds.get(i))
                    .update();
        }
        var marked = jdbc.sql("""
                        UPDATE metering.rating_period SET rated_at = ?
                        WHERE agreement_id = ? AND period_start = ? AND rated_at IS NULL
                        """)
                .params(Timestamp.from(now), period.agreementId(), start)
                .update();
        if (marked != 1) {
            throw new IllegalStateException("Period " + period + " was rated already");
        }
    }

    /**
     * The agreement's periods, newest first, with their lines, for a party that may read them: the product's seller
     * or the agreement's buyer (the operator reads all).
     */
    public List<RatedPeriod> periods(String agreementId, UUID readerPartyId, boolean operator) {
        record Key(Instant start, Instant end, @Nullable Instant ratedAt) {}
        var periods = new LinkedHashMap<Key, List<RatedPeriod.Line>>();
        jdbc.sql("""
                        SELECT p.period_start, p.period_end, p.rated_at, u.line_no, u.dimension, u.allocation_tags::text,
                            u.used_quantity, u.covered_quantity, u.billed_quantity, u.currency, u.unit_price,
                            u.amount_minor, u.charge_id
                        FROM metering.rating_plan r
                        JOIN metering.rating_period p ON p.agreement_id = r.agreement_id
                        LEFT JOIN metering.rated_usage u
                          ON u.agreement_id = p.agreement_id AND u.period_start = p.period_start
                        WHERE r.agreement_id = :agreement
                          AND (:operator OR r.seller_party_id = :party OR r.buyer_party_id = :party)
                        ORDER BY p.period_start DESC, u.line_no
                        """)
                .param("agreement", agreementId)
                .param("operator", operator)
                .param("party", readerPartyId)
                .query(rs -> {
                    var rated = rs.getTimestamp(3);
                    var lines = periods.computeIfAbsent(
                            new Key(
                                    rs.getTimestamp(1).toInstant(),
                                    rs.getTimestamp(2).toInstant(),
                                    rated == null ? null : rated.toInstant()),
                            k -> new ArrayList<>());
                    if (rs.getObject(4) == null) {
                        return;
                    }
                    var currency = CurrencyUnit.of(rs.getString(10));
                    lines.add(new RatedPeriod.Line(
                            rs.getInt(4),
                            rs.getString(5),
                            new TreeMap<>(json.readValue(rs.getString(6), TAGS)),
                            rs.getLong(7),
                            rs.getLong(8),
                            rs.getLong(9),
                            currency.getCode(),
                            rs.getBigDecimal(11),
                            Money.ofMinor(currency, rs.getLong(12)).getAmount(),
                            rs.getString(13)));
                });
        return periods.entrySet().stream()
                .map(e -> new RatedPeriod(
                        e.getKey().start(), e.getKey().end(), e.getKey().ratedAt(), e.getValue()))
                .toList();
    }
}
