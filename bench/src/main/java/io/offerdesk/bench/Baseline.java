package io.offerdesk.bench;

/** The raw PostgreSQL operations each run measures on the application's own database server. */
enum Baseline {
    /** Like {@code pgbench -S}: one row by primary key, a random one of the baseline table each time. */
    SELECT_BY_ID("pg select by id", 1),
    /** One row per autocommitted statement: one commit, and so one WAL flush, per row. */
    INSERT_ONE_ROW("pg insert 1 row", 1),
    /** One multi-row INSERT of 25 rows per autocommitted statement: the commit cost shared by 25 rows. */
    INSERT_25_ROWS("pg insert 25 rows", 25),
    /**
     * The rows an acceptance must write, in one transaction: an agreement with its terms, its 12 charges, the
     * outbox row of its event, an audit entry and the idempotency record of the request.
     */
    ACCEPT_TRANSACTION("pg accept transaction", 16),
    /**
     * A split journal's four posting rows in one transaction: one multi-row INSERT into a table shaped like
     * ledger.posting (columns, keys and indexes), then COMMIT.
     */
    SPLIT_JOURNAL("pg insert split journal", SplitJournals.LEGS);

    private final String label;
    private final int rowsPerCall;

    Baseline(String label, int rowsPerCall) {
        this.label = label;
        this.rowsPerCall = rowsPerCall;
    }

    String label() {
        return label;
    }

    int rowsPerCall() {
        return rowsPerCall;
    }
}
