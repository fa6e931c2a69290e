package io.offerdesk.disbursement.internal.fees;

import io.offerdesk.disbursement.AgreementFee;
import io.offerdesk.disbursement.FeeBasis;
import io.offerdesk.disbursement.ListingFees;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The fee each agreement got at acceptance ({@code disbursement.agreement_fee}). */
@Repository
class AgreementFees implements ListingFees {

    private static final String COLUMNS = """
            agreement_id, schedule_id, basis, base_rate, cppo_uplift, rate, contract_value, currency, resale,
            seller_party_id, publisher_party_id, fixed_at
            """;

    private final JdbcClient jdbc;

    AgreementFees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AgreementFee> rateFor(String agreementId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM disbursement.agreement_fee WHERE agreement_id = :id")
                .param("id", agreementId)
                .query((rs, n) -> fee(rs))
                .optional();
    }

    @Override
    public Map<String, AgreementFee> ratesFor(Collection<String> agreementIds) {
        if (agreementIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM disbursement.agreement_fee WHERE agreement_id IN (:ids)")
                .param("ids", List.copyOf(agreementIds))
                .query((rs, n) -> fee(rs))
                .list()
                .stream()
                .collect(Collectors.toMap(AgreementFee::agreementId, Function.identity()));
    }

    /** Stores the agreement's fee once: a repeated acceptance event changes nothing. */
    void fix(AgreementFee fee) {
        jdbc.sql("""
                        INSERT INTO disbursement.agreement_fee (agreement_id, schedule_id, basis, base_rate,
                            cppo_uplift, rate, contract_value, currency, resale, seller_party_id, publisher_party_id,
                            fixed_at)
                        VALUES (:agreement, :schedule, :basis, :base, :uplift, :rate, :value, :currency, :resale,
                            :seller, :publisher, :at)
                        ON CONFLICT (agreement_id) DO NOTHING
                        """)
                .param("agreement", fee.agreementId())
                .param("schedule", fee.scheduleId())
                .param("basis", fee.basis().name())
                .param("base", fee.baseRatePercent())
                .param("uplift", fee.cppoUpliftPercent())
                .param("rate", fee.ratePercent())
                .param("value", fee.contractValue())
                .param("currency", fee.currencyCode())
                .param("resale", fee.resale())
                .param("seller", fee.sellerPartyId())
                .param("publisher", fee.publisherPartyId())
                .param("at", Timestamp.from(fee.fixedAt()))
                .update();
    }

    private static AgreementFee fee(ResultSet rs) throws SQLException {
        return new AgreementFee(
                rs.getString("agreement_id"),
                rs.getString("schedule_id"),
                FeeBasis.valueOf(rs.getString("basis")),
                rs.getBigDecimal("base_rate"),
                rs.getBigDecimal("cppo_uplift"),
                rs.getBigDecimal("rate"),
                contractValue(rs.getBigDecimal("contract_value"), rs.getString("currency")),
                rs.getString("currency"),
                rs.getBoolean("resale"),
                rs.getObject("seller_party_id", java.util.UUID.class),
                rs.getObject("publisher_party_id", java.util.UUID.class),
                rs.getTimestamp("fixed_at").toInstant());
    }

    /**
     * The stored value without the column's padding zeros, but never with fewer decimals than the currency has:
     * 80,000 dollars reads 80000.00, not 80000 (or 8E+4 before {@code toPlainString}).
     */
    private static BigDecimal contractValue(BigDecimal stored, String currency) {
        var stripped = stored.stripTrailingZeros();
        return stripped.setScale(
                Math.max(stripped.scale(), CurrencyUnit.of(currency).getDecimalPlaces()));
    }
}
