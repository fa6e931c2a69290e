package io.offerdesk.parties.internal.web;

import io.offerdesk.platform.DashboardChart;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The operator sees the marketplace's parties by kind; everyone else their own party's users by role. */
@Component
class PartiesCharts implements DashboardChart {

    private static final String PARTIES_BY_KIND =
            "SELECT kind AS label, count(*) AS value FROM parties.party GROUP BY kind ORDER BY kind";
    private static final String USERS_BY_ROLE = """
            SELECT g.role AS label, count(DISTINCT u.id) AS value
            FROM parties.app_user u JOIN parties.role_grant g ON g.user_id = u.id
            WHERE u.party_id = :party AND u.status <> 'DISABLED'
            GROUP BY g.role ORDER BY g.role
            """;

    private final JdbcClient jdbc;

    PartiesCharts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Chart> chartFor(OfferdeskPrincipal me) {
        if (me.isOperator()) {
            var points = jdbc.sql(PARTIES_BY_KIND).query(Point.class).list();
            return Optional.of(new Chart("chart.partiesByKind", Kind.BAR, "partyKind.", points));
        }
        var points = jdbc.sql(USERS_BY_ROLE)
                .param("party", me.partyId())
                .query(Point.class)
                .list();
        return Optional.of(new Chart("chart.usersByRole", Kind.BAR, "role.", points));
    }

    @Override
    public int order() {
        return 10;
    }
}
