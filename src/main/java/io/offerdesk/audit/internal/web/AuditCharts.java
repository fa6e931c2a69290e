package io.offerdesk.audit.internal.web;

import io.offerdesk.platform.DashboardChart;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Changes per day over the last two weeks, for those who read the audit trail: the operator and party admins. */
@Component
class AuditCharts implements DashboardChart {

    static final int DAYS = 14;

    private static final String CHANGES_PER_DAY = """
            SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, count(*) AS changes FROM audit.entry
            WHERE occurred_at >= :since AND (CAST(:owner AS varchar) IS NULL OR owner_party_id = :owner)
            GROUP BY day
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditCharts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Chart> chartFor(OfferdeskPrincipal me) {
        if (!me.isOperator() && !me.has(Role.administratorOf(me.partyKind()))) {
            return Optional.empty();
        }
        var first = LocalDate.now(clock).minusDays(DAYS - 1);
        Map<LocalDate, Long> counted = jdbc
                .sql(CHANGES_PER_DAY)
                .param(
                        "since",
                        Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .param("owner", me.isOperator() ? null : me.partyId().toString())
                .query((rs, row) -> Map.entry(rs.getObject("day", LocalDate.class), rs.getLong("changes")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // Quiet days are drawn as zero, so the line shows a gap in activity rather than skipping it.
        var points = first.datesUntil(first.plusDays(DAYS))
                .map(day -> new Point(day.toString().substring(5), counted.getOrDefault(day, 0L)))
                .toList();
        return Optional.of(new Chart("chart.changesPerDay", Kind.LINE, null, points));
    }

    @Override
    public int order() {
        return 30;
    }
}
