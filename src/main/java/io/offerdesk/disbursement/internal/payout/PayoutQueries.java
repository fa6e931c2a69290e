package io.offerdesk.disbursement.internal.payout;

import io.offerdesk.disbursement.PayoutFacts;
import io.offerdesk.ledger.AccountRole;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class PayoutQueries implements PayoutFacts {

    private static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 1);

    private final JdbcClient jdbc;

    PayoutQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DisbursedMonth> disbursed(
            @Nullable UUID payeePartyId, @Nullable YearMonth from, @Nullable YearMonth to) {
        var start = from == null ? FIRST : from.atDay(1);
        var end = to == null ? LAST : to.plusMonths(1).atDay(1);
        return jdbc.sql("""
                        SELECT to_char(disbursed_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, currency, party_id, role,
                               sum(amount_minor) AS amount_minor
                        FROM disbursement.disbursement
                        WHERE status = 'PAID' AND (CAST(:party AS uuid) IS NULL OR party_id = CAST(:party AS uuid))
                          AND disbursed_at >= :startAt AND disbursed_at < :endAt
                        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4""")
                .param("party", payeePartyId)
                .param(
                        "startAt",
                        Timestamp.from(start.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .param("endAt", Timestamp.from(end.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query((rs, n) -> {
                    var currency = CurrencyUnit.of(rs.getString("currency"));
                    return new DisbursedMonth(
                            YearMonth.parse(rs.getString("month")),
                            currency,
                            rs.getObject("party_id", UUID.class),
                            AccountRole.valueOf(rs.getString("role")),
                            Money.ofMinor(currency, rs.getLong("amount_minor")));
                })
                .list();
    }
}
