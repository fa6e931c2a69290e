package io.offerdesk.analytics.internal.outcomes;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The offer outcome read model in schema {@code analytics}. Every write is an upsert of the columns one event knows,
 * keeping the earliest instant, so that events may arrive in any order and more than once.
 */
@Repository
class OutcomeRepository {

    /** The columns one event upserts; {@code %s} is its column. */
    private static final String UPSERT_FIRST = """
            INSERT INTO analytics.offer_outcome (offer_id, party_id, product_id, %1$s)
            VALUES (:offerId, :partyId, :productId, :at)
            ON CONFLICT (offer_id) DO UPDATE SET
                %1$s = LEAST(offer_outcome.%1$s, excluded.%1$s),
                product_id = COALESCE(offer_outcome.product_id, excluded.product_id)
            """;

    private static final Set<String> FIRST_COLUMNS =
            Set.of("drafted_at", "first_viewed_at", "accepted_at", "expired_at");

    private static final String RELEASED = """
            INSERT INTO analytics.offer_outcome (offer_id, party_id, product_id, released_at, expires_at,
                publisher_party_id, payment_schedule, eula_type, path)
            VALUES (:offerId, :partyId, :productId, :at, :expiresAt, :publisher, :schedule, :eula, :path)
            ON CONFLICT (offer_id) DO UPDATE SET
                released_at = LEAST(offer_outcome.released_at, excluded.released_at),
                expires_at = excluded.expires_at,
                product_id = COALESCE(offer_outcome.product_id, excluded.product_id),
                publisher_party_id = COALESCE(excluded.publisher_party_id, offer_outcome.publisher_party_id),
                payment_schedule = COALESCE(excluded.payment_schedule, offer_outcome.payment_schedule),
                eula_type = COALESCE(excluded.eula_type, offer_outcome.eula_type),
                path = COALESCE(excluded.path, offer_outcome.path)
            """;

    private static final String POSITIONED = """
            INSERT INTO analytics.offer_outcome (offer_id, party_id, positioned, segment, discount_percent)
            VALUES (:offerId, :partyId, true, :segment, :discount)
            ON CONFLICT (offer_id) DO UPDATE SET
                positioned = true, segment = excluded.segment, discount_percent = excluded.discount_percent
            """;

    private static final String AGREEMENT = """
            INSERT INTO analytics.offer_agreement (agreement_id, offer_id, party_id, accepted_at, currency, value_minor,
                renewal)
            VALUES (:agreementId, :offerId, :partyId, :at, :currency, :valueMinor, :renewal)
            ON CONFLICT (agreement_id) DO NOTHING
            """;

    private static final String RENEWAL_DRAFT = """
            INSERT INTO analytics.renewal_draft (agreement_id, offer_id, party_id, mode, agreement_end, drafted_at)
            VALUES (:agreementId, :offerId, :partyId, :mode, :end, :at)
            ON CONFLICT (agreement_id) DO NOTHING
            """;

    /**
     * The party's view: the offers it owns and, for an ISV, the CPPOs of its products that partners made. The cohort is
     * the offers drafted in the range (released, when the draft was not seen).
     */
    private static final String OUTCOMES = """
            SELECT offer_id, party_id, publisher_party_id, product_id, drafted_at, released_at, first_viewed_at,
                   accepted_at, expired_at, payment_schedule, eula_type, path, segment, discount_percent
            FROM analytics.offer_outcome
            WHERE (party_id = :party OR publisher_party_id = :party)
              AND COALESCE(drafted_at, released_at) >= :from AND COALESCE(drafted_at, released_at) < :until
            ORDER BY COALESCE(drafted_at, released_at), offer_id
            """;

    /** Booked per month and currency: the value of the agreements accepted from the party's view's offers. */
    private static final String BOOKED = """
            SELECT to_char(a.accepted_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, a.currency,
                   SUM(a.value_minor) AS value_minor
            FROM analytics.offer_agreement a
            LEFT JOIN analytics.offer_outcome o ON o.offer_id = a.offer_id
            WHERE (a.party_id = :party OR o.publisher_party_id = :party)
              AND a.accepted_at >= :from AND a.accepted_at < :until
            GROUP BY 1, 2
            ORDER BY 1, 2
            """;

    /** Every agreement accepted from the party's view's offers. */
    private static final String AGREEMENTS = """
            SELECT a.agreement_id
            FROM analytics.offer_agreement a
            LEFT JOIN analytics.offer_outcome o ON o.offer_id = a.offer_id
            WHERE a.party_id = :party OR o.publisher_party_id = :party
            ORDER BY a.agreement_id
            """;

    private static final String DRAFTED_RENEWALS = """
            SELECT agreement_id, offer_id FROM analytics.renewal_draft
            WHERE party_id = :party AND agreement_id IN (:agreements)
            """;

    /** What was booked in one month and currency. */
    record Booked(YearMonth month, Money value) {}

    private final JdbcClient jdbc;

    OutcomeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the first instant of a step ({@code drafted_at}, {@code first_viewed_at}, …) of the offer. */
    void first(String column, String offerId, UUID partyId, @Nullable String productId, Instant at) {
        if (!FIRST_COLUMNS.contains(column)) {
            throw new IllegalArgumentException("not a step of an offer: " + column);
        }
        jdbc.sql(UPSERT_FIRST.formatted(column))
                .param("offerId", offerId)
                .param("partyId", partyId)
                .param("productId", productId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The release, with the offer's dimensions (absent when the offer could not be read). */
    void released(
            String offerId,
            UUID partyId,
            String productId,
            Instant at,
            @Nullable Instant expiresAt,
            @Nullable UUID publisher,
            @Nullable String schedule,
            @Nullable String eula,
            @Nullable String path) {
        jdbc.sql(RELEASED)
                .param("offerId", offerId)
                .param("partyId", partyId)
                .param("productId", productId)
                .param("at", Timestamp.from(at))
                .param("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt))
                .param("publisher", publisher)
                .param("schedule", schedule)
                .param("eula", eula)
                .param("path", path)
                .update();
    }

    void positioned(String offerId, UUID partyId, @Nullable String segment, @Nullable BigDecimal discount) {
        jdbc.sql(POSITIONED)
                .param("offerId", offerId)
                .param("partyId", partyId)
                .param("segment", segment)
                .param("discount", discount)
                .update();
    }

    void agreement(String agreementId, String offerId, UUID partyId, Instant at, Money value, boolean renewal) {
        jdbc.sql(AGREEMENT)
                .param("agreementId", agreementId)
                .param("offerId", offerId)
                .param("partyId", partyId)
                .param("at", Timestamp.from(at))
                .param("currency", value.getCurrencyUnit().getCode())
                .param("valueMinor", value.getAmountMinorLong())
                .param("renewal", renewal)
                .update();
    }

    void renewalDrafted(String agreementId, String offerId, UUID partyId, String mode, Instant end, Instant at) {
        jdbc.sql(RENEWAL_DRAFT)
                .param("agreementId", agreementId)
                .param("offerId", offerId)
                .param("partyId", partyId)
                .param("mode", mode)
                .param("end", Timestamp.from(end))
                .param("at", Timestamp.from(at))
                .update();
    }

    List<OfferOutcome> outcomes(UUID party, YearMonth from, YearMonth to) {
        return jdbc.sql(OUTCOMES)
                .param("party", party)
                .param("from", start(from))
                .param("until", start(to.plusMonths(1)))
                .query(OutcomeRepository::outcome)
                .list();
    }

    List<Booked> booked(UUID party, YearMonth from, YearMonth to) {
        return jdbc.sql(BOOKED)
                .param("party", party)
                .param("from", start(from))
                .param("until", start(to.plusMonths(1)))
                .query((rs, n) -> new Booked(
                        YearMonth.parse(rs.getString("month")),
                        Money.ofMinor(CurrencyUnit.of(rs.getString("currency")), rs.getLong("value_minor"))))
                .list();
    }

    List<String> agreementIds(UUID party) {
        return jdbc.sql(AGREEMENTS)
                .param("party", party)
                .query((rs, n) -> rs.getString(1))
                .list();
    }

    /**
     * The renewal the party drafted for each of the agreements that has one: agreement id → offer id. A draft belongs to
     * the agreement's proposer, so an ISV does not see the drafts a partner made of resold agreements.
     */
    Map<String, String> renewalDrafts(UUID party, List<String> agreementIds) {
        if (agreementIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(DRAFTED_RENEWALS)
                .param("party", party)
                .param("agreements", agreementIds)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Timestamp start(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static OfferOutcome outcome(ResultSet rs, int n) throws SQLException {
        return new OfferOutcome(
                rs.getString("offer_id"),
                rs.getObject("party_id", UUID.class),
                rs.getObject("publisher_party_id", UUID.class),
                rs.getString("product_id"),
                instant(rs, "drafted_at"),
                instant(rs, "released_at"),
                instant(rs, "first_viewed_at"),
                instant(rs, "accepted_at"),
                instant(rs, "expired_at"),
                rs.getString("payment_schedule"),
                rs.getString("eula_type"),
                rs.getString("path"),
                rs.getString("segment"),
                rs.getBigDecimal("discount_percent"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
