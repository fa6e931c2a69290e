package io.offerdesk.gtm.internal.strategy;

import io.offerdesk.gtm.internal.strategy.domain.DealStrategy;
import io.offerdesk.gtm.internal.strategy.domain.Route;
import io.offerdesk.gtm.internal.strategy.domain.SegmentRule;
import io.offerdesk.gtm.internal.strategy.domain.ValueRange;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Deal strategies and the positions given to released offers; every read names the party. */
@Repository
class StrategyRepository {

    private static final String RULES = """
            SELECT name, route, key_accounts, key_buyers, value_currency, value_min, value_max, discount_min,
                   discount_max, default_template_id
            FROM gtm.segment_rule
            WHERE party_id = :party
            ORDER BY rank
            """;

    private static final String LOCK = """
            INSERT INTO gtm.deal_strategy (party_id, updated_at) VALUES (:party, :now)
            ON CONFLICT (party_id) DO UPDATE SET updated_at = :now
            """;

    private static final String INSERT_RULE = """
            INSERT INTO gtm.segment_rule (party_id, rank, name, route, key_accounts, key_buyers, value_currency,
                value_min, value_max, discount_min, discount_max, default_template_id)
            VALUES (:party, :rank, :name, :route, CAST(:keyAccounts AS jsonb), CAST(:keyBuyers AS jsonb), :currency,
                :min, :max, :discountMin, :discountMax, :template)
            """;

    private static final String INSERT_POSITION = """
            INSERT INTO gtm.offer_position (offer_id, party_id, segment, discount_percent, positioned_at)
            VALUES (:offer, :party, :segment, :discount, :at)
            ON CONFLICT (offer_id) DO NOTHING
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StrategyRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    DealStrategy strategy(UUID party) {
        return new DealStrategy(
                jdbc.sql(RULES).param("party", party).query(this::rule).list());
    }

    Optional<Instant> updatedAt(UUID party) {
        return jdbc.sql("SELECT updated_at FROM gtm.deal_strategy WHERE party_id = :party")
                .param("party", party)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** Replaces the party's rules; the strategy row's lock serializes concurrent replacements. */
    void replace(UUID party, DealStrategy strategy, Instant now) {
        jdbc.sql(LOCK).param("party", party).param("now", Timestamp.from(now)).update();
        jdbc.sql("DELETE FROM gtm.segment_rule WHERE party_id = :party")
                .param("party", party)
                .update();
        var rules = strategy.rules();
        for (int i = 0; i < rules.size(); i++) {
            var rule = rules.get(i);
            var value = rule.value();
            var params = new HashMap<String, @Nullable Object>();
            params.put("party", party);
            params.put("rank", i + 1);
            params.put("name", rule.name());
            params.put("route", rule.route().name());
            params.put("keyAccounts", json.writeValueAsString(rule.keyAccounts()));
            params.put(
                    "keyBuyers",
                    json.writeValueAsString(rule.keyBuyers().stream()
                            .map(UUID::toString)
                            .sorted()
                            .toList()));
            params.put("currency", value == null ? null : value.currency().getCode());
            params.put("min", value == null ? null : value.min());
            params.put("max", value == null ? null : value.max());
            params.put("discountMin", rule.discountMin());
            params.put("discountMax", rule.discountMax());
            params.put("template", rule.defaultTemplateId());
            jdbc.sql(INSERT_RULE).params(params).update();
        }
    }

    /** Records the position of a released offer; false when it was recorded before. */
    boolean recordPosition(
            String offerId, UUID party, @Nullable String segment, @Nullable BigDecimal discount, Instant at) {
        var params = new HashMap<String, @Nullable Object>();
        params.put("offer", offerId);
        params.put("party", party);
        params.put("segment", segment);
        params.put("discount", discount);
        params.put("at", Timestamp.from(at));
        return jdbc.sql(INSERT_POSITION).params(params).update() == 1;
    }

    private SegmentRule rule(ResultSet rs, int row) throws SQLException {
        var currency = rs.getString("value_currency");
        var value = currency == null
                ? null
                : new ValueRange(
                        CurrencyUnit.of(currency), rs.getBigDecimal("value_min"), rs.getBigDecimal("value_max"));
        List<String> keyBuyers = json.readValue(rs.getString("key_buyers"), new TypeReference<List<String>>() {});
        return new SegmentRule(
                rs.getString("name"),
                Route.valueOf(rs.getString("route")),
                json.readValue(rs.getString("key_accounts"), new TypeReference<List<String>>() {}),
                Set.copyOf(keyBuyers.stream().map(UUID::fromString).toList()),
                value,
                rs.getBigDecimal("discount_min"),
                rs.getBigDecimal("discount_max"),
                rs.getString("default_template_id"));
    }
}
