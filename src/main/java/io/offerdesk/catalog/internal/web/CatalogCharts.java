package io.offerdesk.catalog.internal.web;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.platform.DashboardChart;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Products by type: the whole catalog for the operator, a seller's own for the seller. */
@Component
class CatalogCharts implements DashboardChart {

    private static final String PRODUCTS_BY_TYPE = """
            SELECT type AS label, count(*) AS value FROM catalog.product
            WHERE CAST(:seller AS uuid) IS NULL OR seller_party_id = :seller
            GROUP BY type ORDER BY type
            """;

    private final JdbcClient jdbc;

    CatalogCharts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Chart> chartFor(OfferdeskPrincipal me) {
        if (!me.isOperator() && CatalogManagement.typesOwnedBy(me.partyKind()).isEmpty()) {
            return Optional.empty();
        }
        var points = jdbc.sql(PRODUCTS_BY_TYPE)
                .param("seller", me.isOperator() ? null : me.partyId())
                .query(Point.class)
                .list();
        return Optional.of(new Chart("chart.productsByType", Kind.PIE, "productType.", points));
    }

    @Override
    public int order() {
        return 20;
    }
}
