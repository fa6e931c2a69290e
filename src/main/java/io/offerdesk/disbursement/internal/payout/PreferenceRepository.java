package io.offerdesk.disbursement.internal.payout;

import io.offerdesk.disbursement.internal.payout.domain.Frequency;
import io.offerdesk.disbursement.internal.payout.domain.PayoutPreference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PreferenceRepository {

    private static final String COLUMNS =
            "party_id, currency, frequency, day_of_month, bank_account, updated_at, updated_by";

    private final JdbcClient jdbc;

    PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PayoutPreference> of(UUID partyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM disbursement.preference WHERE party_id = ? ORDER BY currency")
                .param(partyId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Every payee's preferences, by party and currency code, for a run to look up. */
    Map<String, PayoutPreference> all() {
        var all = new HashMap<String, PayoutPreference>();
        jdbc.sql("SELECT " + COLUMNS + " FROM disbursement.preference")
                .query((rs, n) -> map(rs))
                .list()
                .forEach(p -> all.put(key(p.partyId(), p.currency()), p));
        return all;
    }

    static String key(UUID partyId, CurrencyUnit currency) {
        return partyId + "/" + currency.getCode();
    }

    void save(PayoutPreference preference) {
        jdbc.sql("""
                        INSERT INTO disbursement.preference (%s)
                        VALUES (:party, :currency, :frequency, :day, :bankAccount, :at, :by)
                        ON CONFLICT (party_id, currency) DO UPDATE SET frequency = excluded.frequency,
                            day_of_month = excluded.day_of_month, bank_account = excluded.bank_account,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        """.formatted(COLUMNS))
                .param("party", preference.partyId())
                .param("currency", preference.currency().getCode())
                .param("frequency", preference.frequency().name())
                .param("day", preference.dayOfMonth())
                .param("bankAccount", preference.bankAccount())
                .param("at", Timestamp.from(Objects.requireNonNull(preference.updatedAt())))
                .param("by", Objects.requireNonNull(preference.updatedBy()))
                .update();
    }

    private static PayoutPreference map(ResultSet rs) throws SQLException {
        var day = rs.getObject("day_of_month", Integer.class);
        return new PayoutPreference(
                rs.getObject("party_id", UUID.class),
                CurrencyUnit.of(rs.getString("currency")),
                Frequency.valueOf(rs.getString("frequency")),
                day,
                rs.getString("bank_account"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
