package io.offerdesk.disbursement.internal.fees;

import io.offerdesk.disbursement.internal.fees.domain.FeeSchedule;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The versions of the listing-fee schedule (marketplace-wide data: no owner predicate applies). */
@Repository
class FeeScheduleRepository {

    private static final String COLUMNS = """
            id, effective_from, lower_threshold, upper_threshold, private_below_lower_rate, private_below_upper_rate,
            private_from_upper_rate, renewal_rate, cppo_uplift, professional_services_rate, created_at, created_by
            """;

    private final JdbcClient jdbc;

    FeeScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every version, the latest effective first. */
    List<FeeSchedule> all() {
        var publicRates = publicRates();
        return jdbc.sql("SELECT " + COLUMNS + " FROM disbursement.fee_schedule ORDER BY effective_from DESC")
                .query((rs, n) -> schedule(rs, publicRates))
                .list();
    }

    /** The version in force at {@code at}: the latest that took effect by then. */
    Optional<FeeSchedule> inForce(Instant at) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM disbursement.fee_schedule WHERE effective_from <= :at
                        ORDER BY effective_from DESC LIMIT 1
                        """)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> schedule(rs, publicRates()))
                .optional();
    }

    Optional<FeeSchedule> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM disbursement.fee_schedule WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> schedule(rs, publicRates()))
                .optional();
    }

    boolean existsAt(Instant effectiveFrom) {
        return jdbc.sql("SELECT count(*) FROM disbursement.fee_schedule WHERE effective_from = :at")
                        .param("at", Timestamp.from(effectiveFrom))
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(FeeSchedule schedule) {
        jdbc.sql("""
                        INSERT INTO disbursement.fee_schedule (id, effective_from, lower_threshold, upper_threshold,
                            private_below_lower_rate, private_below_upper_rate, private_from_upper_rate, renewal_rate,
                            cppo_uplift, professional_services_rate, created_at, created_by)
                        VALUES (:id, :from, :lower, :upper, :belowLower, :belowUpper, :fromUpper, :renewal, :uplift,
                            :services, :at, :by)
                        """)
                .param("id", schedule.id())
                .param("from", Timestamp.from(schedule.effectiveFrom()))
                .param("lower", schedule.lowerThreshold())
                .param("upper", schedule.upperThreshold())
                .param("belowLower", schedule.privateBelowLower())
                .param("belowUpper", schedule.privateBelowUpper())
                .param("fromUpper", schedule.privateFromUpper())
                .param("renewal", schedule.renewal())
                .param("uplift", schedule.cppoUplift())
                .param("services", schedule.professionalServices())
                .param("at", Timestamp.from(schedule.createdAt()))
                .param("by", schedule.createdBy())
                .update();
        schedule.publicRates()
                .forEach((type, rate) -> jdbc.sql("""
                                INSERT INTO disbursement.fee_schedule_public_rate (schedule_id, product_type, rate)
                                VALUES (:id, :type, :rate)
                                """)
                        .param("id", schedule.id())
                        .param("type", type)
                        .param("rate", rate)
                        .update());
    }

    /** Deletes a version that has not taken effect by {@code now}; false when there is none such. */
    boolean deleteFuture(String id, Instant now) {
        return jdbc.sql("DELETE FROM disbursement.fee_schedule WHERE id = :id AND effective_from > :now")
                        .param("id", id)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    private Map<String, Map<String, BigDecimal>> publicRates() {
        var rates = new HashMap<String, Map<String, BigDecimal>>();
        jdbc.sql("SELECT schedule_id, product_type, rate FROM disbursement.fee_schedule_public_rate")
                .query(rs -> {
                    rates.computeIfAbsent(rs.getString(1), id -> new HashMap<>())
                            .put(rs.getString(2), rs.getBigDecimal(3));
                });
        return rates;
    }

    private static FeeSchedule schedule(ResultSet rs, Map<String, Map<String, BigDecimal>> publicRates)
            throws SQLException {
        var id = rs.getString("id");
        return new FeeSchedule(
                id,
                rs.getTimestamp("effective_from").toInstant(),
                rs.getBigDecimal("lower_threshold"),
                rs.getBigDecimal("upper_threshold"),
                rs.getBigDecimal("private_below_lower_rate"),
                rs.getBigDecimal("private_below_upper_rate"),
                rs.getBigDecimal("private_from_upper_rate"),
                rs.getBigDecimal("renewal_rate"),
                rs.getBigDecimal("cppo_uplift"),
                rs.getBigDecimal("professional_services_rate"),
                publicRates.getOrDefault(id, Map.of()),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }
}
