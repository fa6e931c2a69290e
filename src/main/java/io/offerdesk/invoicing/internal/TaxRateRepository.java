package io.offerdesk.invoicing.internal;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The operator's tax rates per buyer country, in percent. */
@Repository
class TaxRateRepository {

    private final JdbcClient jdbc;

    TaxRateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TaxRate> all() {
        return jdbc.sql("SELECT country, rate, updated_at FROM invoicing.tax_rate ORDER BY country")
                .query((rs, n) -> new TaxRate(
                        rs.getString(1), rs.getBigDecimal(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    void save(TaxRate rate) {
        jdbc.sql("""
                        INSERT INTO invoicing.tax_rate (country, rate, updated_at) VALUES (:country, :rate, :at)
                        ON CONFLICT (country) DO UPDATE SET rate = excluded.rate, updated_at = excluded.updated_at
                        """)
                .param("country", rate.country())
                .param("rate", rate.ratePercent())
                .param("at", Timestamp.from(rate.updatedAt()))
                .update();
    }

    boolean delete(String country) {
        return jdbc.sql("DELETE FROM invoicing.tax_rate WHERE country = ?")
                        .param(country)
                        .update()
                == 1;
    }
}
