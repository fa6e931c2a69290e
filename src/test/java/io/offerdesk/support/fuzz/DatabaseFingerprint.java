package io.offerdesk.support.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the application's tables hold, as one row count and one hash over every row's text per table: two
 * fingerprints are equal when no row was inserted, updated or deleted in between. The tables that legitimately change
 * when a request is refused are left out ({@link #REFUSALS_MAY_WRITE}).
 */
public final class DatabaseFingerprint {

    /**
     * Tables a refused request may write, or that change without any request: each is named with why. Everything else
     * a 4xx answer must leave as it was.
     */
    public static final Map<String, String> REFUSALS_MAY_WRITE = Map.of(
            "platform.idempotent_request", "an idempotency claim is taken before the handler refuses the body",
            "platform.aws_request_signature", "the replay guard records every verified signature, answered or not",
            "platform.spring_session", "sessions (the fuzzer uses none, but the UI tests' may expire meanwhile)",
            "platform.spring_session_attributes", "sessions, as above",
            "public.event_publication", "the outbox completes earlier publications in the background",
            "public.event_publication_archive", "the outbox, as above",
            "public.flyway_schema_history", "not data",
            "ledger.invariant_check", "the ledger's periodic invariant check records its runs, whatever the requests",
            "ledger.invariant_total", "the invariant check, as above",
            "ledger.invariant_violation", "the invariant check, as above");

    private final JdbcClient jdbc;
    private final String query;

    public DatabaseFingerprint(JdbcClient jdbc) {
        this.jdbc = jdbc;
        var tables = jdbc.sql("""
                        select table_schema || '.' || table_name
                        from information_schema.tables
                        where table_type = 'BASE TABLE'
                          and table_schema not in ('pg_catalog', 'information_schema')
                        order by 1""").query(String.class).list().stream()
                .filter(table -> !REFUSALS_MAY_WRITE.containsKey(table))
                .toList();
        this.query = tables.stream()
                .map(table ->
                        "select '%1$s', count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) from %1$s t"
                                .formatted(table))
                .collect(Collectors.joining("\nunion all\n"));
    }

    /** Every fingerprinted table's row count and row hash. */
    public Map<String, String> take() {
        var fingerprint = new LinkedHashMap<String, String>();
        jdbc.sql(query).query(rs -> {
            fingerprint.put(rs.getString(1), rs.getString(2));
        });
        return fingerprint;
    }

    /** The tables whose rows differ between the two fingerprints. */
    public static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        var changed = new TreeSet<String>();
        for (var table : List.copyOf(after.keySet())) {
            if (!after.get(table).equals(before.get(table))) {
                changed.add(table);
            }
        }
        return changed;
    }
}
