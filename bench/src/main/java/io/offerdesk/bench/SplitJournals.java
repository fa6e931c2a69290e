package io.offerdesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The journal both sides of {@code ledger-journals} write: a buyer's payment of a resold line and its collection split
 * in one entry of {@value #LEGS} postings. Cash receives the payment from the buyer's receivable; clearing pays the
 * ISV, the channel partner and the marketplace's fee. Buyers, ISVs and partners are drawn at random from
 * {@value #BUYERS}, {@value #ISVS} and {@value #PARTNERS}; the marketplace's three accounts are in every entry.
 */
final class SplitJournals {

    static final int LEGS = 4;
    static final int BUYERS = 1_000;
    static final int ISVS = 100;
    static final int PARTNERS = 50;

    /** A payment of 100.00 split 70.00 / 25.00 / 5.00, in cents. */
    static final long PAYMENT_MINOR = 10_000;

    static final long ISV_MINOR = 7_000;
    static final long PARTNER_MINOR = 2_500;
    static final long FEE_MINOR = 500;

    /** Account ids of the raw side, laid out as the ledger numbers them: parties' accounts, then the marketplace's. */
    private static final long FIRST_ISV = BUYERS + 1;

    private static final long FIRST_PARTNER = FIRST_ISV + ISVS;
    private static final long CASH = FIRST_PARTNER + PARTNERS;
    private static final long CLEARING = CASH + 1;
    private static final long FEES = CASH + 2;

    private SplitJournals() {}

    /** A table with the columns, keys, checks and indexes of ledger.posting; no foreign keys, no triggers. */
    static void createTable(Statement statement) throws SQLException {
        statement.execute("DROP TABLE IF EXISTS bench_posting");
        statement.execute("""
                CREATE TABLE bench_posting (
                    entry_id          bigint  NOT NULL,
                    leg               integer NOT NULL CHECK (leg >= 0),
                    debit_account_id  bigint  NOT NULL,
                    credit_account_id bigint  NOT NULL CHECK (credit_account_id <> debit_account_id),
                    currency          char(3) NOT NULL,
                    amount_minor      bigint  NOT NULL CHECK (amount_minor > 0),
                    xact_id           xid8    NOT NULL DEFAULT pg_current_xact_id(),
                    PRIMARY KEY (entry_id, leg))""");
        statement.execute(
                "CREATE INDEX bench_posting_debit ON bench_posting (debit_account_id, xact_id) INCLUDE (amount_minor)");
        statement.execute("CREATE INDEX bench_posting_credit ON bench_posting (credit_account_id, xact_id)"
                + " INCLUDE (amount_minor)");
    }

    /**
     * The raw side: the entry's four posting rows in one prepared multi-row INSERT, in a transaction of their own
     * (autocommit off: the driver sends BEGIN with the INSERT, then COMMIT), as the ledger posts in one.
     */
    static final class RawInsert implements Workload.Caller {
        private static final AtomicLong ENTRIES = new AtomicLong();

        private final Connection connection;
        private final PreparedStatement insert;

        RawInsert(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            this.insert = connection.prepareStatement(
                    "INSERT INTO bench_posting (entry_id, leg, debit_account_id, credit_account_id, currency,"
                            + " amount_minor) VALUES "
                            + String.join(", ", Collections.nCopies(LEGS, "(?, ?, ?, ?, 'USD', ?)")));
        }

        @Override
        public void call() throws SQLException {
            var random = ThreadLocalRandom.current();
            var entry = ENTRIES.incrementAndGet();
            var buyer = 1 + random.nextLong(BUYERS);
            leg(0, entry, CASH, buyer, PAYMENT_MINOR);
            leg(1, entry, CLEARING, FIRST_ISV + random.nextLong(ISVS), ISV_MINOR);
            leg(2, entry, CLEARING, FIRST_PARTNER + random.nextLong(PARTNERS), PARTNER_MINOR);
            leg(3, entry, CLEARING, FEES, FEE_MINOR);
            try {
                var rows = insert.executeUpdate();
                if (rows != LEGS) {
                    throw new SQLException("inserted %d rows, expected %d".formatted(rows, LEGS));
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }

        private void leg(int leg, long entry, long debit, long credit, long amountMinor) throws SQLException {
            var first = 5 * leg;
            insert.setLong(first + 1, entry);
            insert.setInt(first + 2, leg);
            insert.setLong(first + 3, debit);
            insert.setLong(first + 4, credit);
            insert.setLong(first + 5, amountMinor);
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
