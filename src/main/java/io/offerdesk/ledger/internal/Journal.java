package io.offerdesk.ledger.internal;

import io.offerdesk.ledger.AccountBalance;
import io.offerdesk.ledger.AccountMovement;
import io.offerdesk.ledger.AccountQuery;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.JournalEntry;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.LedgerMark;
import io.offerdesk.ledger.MarkedBalance;
import io.offerdesk.ledger.Posting;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The journal's SQL. A batch of entries goes to PostgreSQL as arrays ({@code unnest}) in one statement that inserts
 * the entries and their postings together, so posting costs one round trip however many entries it carries.
 *
 * <p>A plain component, not a {@code @Repository}: {@code JdbcClient} already translates SQL exceptions, and the
 * translating proxy would sit on every posting.
 */
@Component
public class Journal {

    /**
     * Inserts the entries whose keys are new and the postings of exactly those entries: the postings join the entry
     * rows the first insert returned, so a replayed key adds nothing. Keys come sorted (see {@link #insertNew}).
     */
    private static final String INSERT = """
            WITH entry AS (
                INSERT INTO ledger.journal_entry
                    (idempotency_key, reason_code, reference, occurred_at, reverses_entry_id)
                SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[], ?::bigint[])
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING id, idempotency_key
            ), posting AS (
                INSERT INTO ledger.posting (entry_id, leg, debit_account_id, credit_account_id, currency, amount_minor)
                SELECT entry.id, p.leg, p.debit, p.credit, p.currency, p.amount
                FROM unnest(?::varchar[], ?::int[], ?::bigint[], ?::bigint[], ?::char(3)[], ?::bigint[])
                     AS p(key, leg, debit, credit, currency, amount)
                JOIN entry ON entry.idempotency_key = p.key
            )
            SELECT idempotency_key FROM entry
            """;

    private static final String FIND = """
            SELECT e.id, e.idempotency_key, e.reason_code, e.reference, e.occurred_at, o.idempotency_key AS reverses,
                   p.leg, d.owner_party_id AS debit_owner, d.role AS debit_role, c.owner_party_id AS credit_owner,
                   c.role AS credit_role, p.currency, p.amount_minor
            FROM ledger.journal_entry e
            LEFT JOIN ledger.journal_entry o ON o.id = e.reverses_entry_id
            LEFT JOIN ledger.posting p ON p.entry_id = e.id
            LEFT JOIN ledger.account d ON d.id = p.debit_account_id
            LEFT JOIN ledger.account c ON c.id = p.credit_account_id
            WHERE e.idempotency_key = ANY (?::varchar[])
            ORDER BY e.id, p.leg
            """;

    private static final String REVERSAL_OF = """
            SELECT idempotency_key FROM ledger.journal_entry WHERE reverses_entry_id = ?
            """;

    private static final String BALANCES = """
            SELECT a.owner_party_id, a.role, a.currency,
            """ + DerivedBalance.COLUMNS + """
            FROM ledger.account a
            """ + DerivedBalance.LATEST_CHECKPOINT + """
            WHERE (CAST(:owner AS uuid) IS NULL OR a.owner_party_id = CAST(:owner AS uuid))
              AND (CAST(:role AS varchar) IS NULL OR a.role = CAST(:role AS varchar))
              AND (CAST(:currency AS char(3)) IS NULL OR a.currency = CAST(:currency AS char(3)))
            ORDER BY a.owner_party_id, a.currency, a.role
            OFFSET :offset LIMIT :limit
            """;

    /**
     * One account's sums and the snapshot they were read in, in one statement (one snapshot under READ COMMITTED); an
     * account without postings yet has no row and sums to zero.
     */
    private static final String MARKED_BALANCE =
            """
            SELECT pg_current_snapshot()::text AS mark, b.debits_minor, b.credits_minor
            FROM (SELECT 1) one
            LEFT JOIN LATERAL (
                SELECT
            """ + DerivedBalance.COLUMNS + """
                FROM ledger.account a
            """ + DerivedBalance.LATEST_CHECKPOINT + """
                WHERE a.owner_party_id = ? AND a.role = ? AND a.currency = ?
            ) b ON true
            """;

    private static final String MARK = "SELECT pg_current_snapshot()::text";

    /**
     * The account's postings visible in the later snapshot and not in the earlier one, summed per entry. The range on
     * xact_id (from the earlier snapshot's xmin, below which it saw everything, to the later one's xmax, from which it
     * saw nothing) is a scan of the posting (account, xact_id) indexes; the visibility tests settle the transactions
     * in between.
     */
    private static final String MOVEMENTS = """
            WITH account AS (
                SELECT id FROM ledger.account WHERE owner_party_id = :owner AND role = :role AND currency = :currency
            ), moved AS (
                SELECT p.entry_id, p.leg, p.amount_minor AS debit, 0 AS credit, p.xact_id
                FROM ledger.posting p JOIN account a ON p.debit_account_id = a.id
                WHERE p.xact_id >= CAST(:from AS xid8) AND p.xact_id < CAST(:to AS xid8)
                UNION ALL
                SELECT p.entry_id, p.leg, 0, p.amount_minor, p.xact_id
                FROM ledger.posting p JOIN account a ON p.credit_account_id = a.id
                WHERE p.xact_id >= CAST(:from AS xid8) AND p.xact_id < CAST(:to AS xid8)
            )
            SELECT e.id, e.idempotency_key, e.reason_code, e.reference, e.occurred_at, o.idempotency_key AS reverses,
                   sum(m.debit) AS debits_minor, sum(m.credit) AS credits_minor
            FROM moved m
            JOIN ledger.journal_entry e ON e.id = m.entry_id
            LEFT JOIN ledger.journal_entry o ON o.id = e.reverses_entry_id
            WHERE pg_visible_in_snapshot(m.xact_id, CAST(:upTo AS pg_snapshot))
              AND (CAST(:after AS varchar) IS NULL
                   OR NOT pg_visible_in_snapshot(m.xact_id, CAST(:after AS pg_snapshot)))
            GROUP BY e.id, e.idempotency_key, e.reason_code, e.reference, e.occurred_at, o.idempotency_key
            ORDER BY e.id
            """;

    private static final String CREATE_ACCOUNTS = """
            INSERT INTO ledger.account (owner_party_id, role, currency)
            SELECT * FROM unnest(?::uuid[], ?::varchar[], ?::char(3)[])
            ON CONFLICT DO NOTHING
            """;

    private static final String ACCOUNT_IDS = """
            SELECT a.id, a.owner_party_id, a.role, a.currency FROM ledger.account a
            JOIN unnest(?::uuid[], ?::varchar[], ?::char(3)[]) AS m(owner, role, currency)
              ON a.owner_party_id = m.owner AND a.role = m.role AND a.currency = m.currency
            """;

    /** The order accounts are created in, so that two nodes creating the same ones never wait on each other. */
    private static final Comparator<LedgerAccount> ACCOUNT_ORDER = Comparator.comparing(LedgerAccount::ownerPartyId)
            .thenComparing(LedgerAccount::role)
            .thenComparing(a -> a.currency().getCode());

    /** An entry as it stands in the journal. */
    public record Stored(
            long id, JournalEntry entry, @Nullable String reversesKey) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    /** Account ids never change once committed, so every node may keep them. */
    private final Map<LedgerAccount, Long> accountIds = new ConcurrentHashMap<>();

    Journal(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Inserts the entries whose keys are new, with their postings, in one statement, and returns the keys it
     * inserted; the others were there already (committed, or committed by a concurrent transaction this one waited
     * for).
     *
     * @param entries with distinct keys, in ascending order when there are several: two transactions posting
     *     overlapping batches then wait for each other's keys in the same order and cannot deadlock
     * @param reverses the id of the entry they reverse, or null
     */
    public Set<String> insertNew(List<JournalEntry> entries, @Nullable Long reverses) {
        createMissingAccounts(entries);
        int size = entries.size();
        var keys = new String[size];
        var reasons = new String[size];
        var references = new @Nullable String[size];
        var times = new String[size];
        var reversed = new @Nullable Long[size];
        int legCount = 0;
        for (int i = 0; i < size; i++) {
            var entry = entries.get(i);
            keys[i] = entry.idempotencyKey();
            reasons[i] = entry.reasonCode();
            references[i] = entry.reference();
            times[i] = entry.occurredAt().toString();
            reversed[i] = reverses;
            legCount += entry.postings().size();
        }
        var legKeys = new String[legCount];
        var legs = new Integer[legCount];
        var debits = new Long[legCount];
        var credits = new Long[legCount];
        var currencies = new String[legCount];
        var amounts = new Long[legCount];
        int n = 0;
        for (var entry : entries) {
            var postings = entry.postings();
            for (int leg = 0; leg < postings.size(); leg++, n++) {
                var posting = postings.get(leg);
                legKeys[n] = entry.idempotencyKey();
                legs[n] = leg;
                debits[n] = accountId(posting.debit());
                credits[n] = accountId(posting.credit());
                currencies[n] = posting.amount().getCurrencyUnit().getCode();
                amounts[n] = posting.amount().getAmountMinorLong();
            }
        }
        var inserted = jdbc.sql(INSERT)
                .params(keys, reasons, references, times, reversed, legKeys, legs, debits, credits, currencies, amounts)
                .query(String.class)
                .list();
        return new HashSet<>(inserted);
    }

    public Optional<Stored> find(String idempotencyKey) {
        return Optional.ofNullable(findAll(List.of(idempotencyKey)).get(idempotencyKey));
    }

    /** The entries posted under these keys, in one query; keys never posted are absent. */
    public Map<String, Stored> findAll(Collection<String> idempotencyKeys) {
        var rows = new LinkedHashMap<Long, EntryRows>();
        jdbc.sql(FIND).param(idempotencyKeys.toArray(String[]::new)).query(rs -> {
            var id = rs.getLong("id");
            var entry = rows.get(id);
            if (entry == null) {
                entry = EntryRows.of(rs);
                rows.put(id, entry);
            }
            entry.add(rs);
        });
        var found = new HashMap<String, Stored>();
        rows.forEach((id, entry) -> found.put(entry.key(), entry.toStored(id)));
        return found;
    }

    /** The key of the entry that reversed the one with this id, if one did. */
    public Optional<String> reversalOf(long entryId) {
        return jdbc.sql(REVERSAL_OF).param(entryId).query(String.class).optional();
    }

    public List<AccountBalance> balances(AccountQuery query) {
        return jdbc.sql(BALANCES)
                .param("owner", query.ownerPartyId())
                .param("role", query.role() == null ? null : query.role().name())
                .param(
                        "currency",
                        query.currency() == null ? null : query.currency().getCode())
                .param("offset", query.offset())
                .param("limit", query.limit())
                .query((rs, n) -> {
                    var currency = CurrencyUnit.of(rs.getString("currency"));
                    return new AccountBalance(
                            new LedgerAccount(
                                    rs.getObject("owner_party_id", UUID.class),
                                    AccountRole.valueOf(rs.getString("role")),
                                    currency),
                            Money.ofMinor(currency, rs.getLong("debits_minor")),
                            Money.ofMinor(currency, rs.getLong("credits_minor")));
                })
                .list();
    }

    public AccountBalance balance(LedgerAccount account) {
        var zero = Money.zero(account.currency());
        return balances(new AccountQuery(account.ownerPartyId(), account.role(), account.currency(), 0, 1)).stream()
                .findFirst()
                .orElseGet(() -> new AccountBalance(account, zero, zero));
    }

    public MarkedBalance markedBalance(LedgerAccount account) {
        var currency = account.currency();
        return jdbc.sql(MARKED_BALANCE)
                .params(account.ownerPartyId(), account.role().name(), currency.getCode())
                .query((rs, n) -> new MarkedBalance(
                        new AccountBalance(
                                account,
                                Money.ofMinor(currency, rs.getLong("debits_minor")),
                                Money.ofMinor(currency, rs.getLong("credits_minor"))),
                        new LedgerMark(rs.getString("mark"))))
                .single();
    }

    public LedgerMark mark() {
        return new LedgerMark(jdbc.sql(MARK).query(String.class).single());
    }

    public List<AccountMovement> movements(LedgerAccount account, @Nullable LedgerMark after, LedgerMark upTo) {
        var currency = account.currency();
        return jdbc.sql(MOVEMENTS)
                .param("owner", account.ownerPartyId())
                .param("role", account.role().name())
                .param("currency", currency.getCode())
                .param("from", after == null ? "0" : xmin(after))
                .param("to", xmax(upTo))
                .param("upTo", upTo.snapshot())
                .param("after", after == null ? null : after.snapshot())
                .query((rs, n) -> new AccountMovement(
                        rs.getString("idempotency_key"),
                        rs.getString("reason_code"),
                        rs.getString("reference"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("reverses"),
                        Money.ofMinor(currency, rs.getLong("debits_minor")),
                        Money.ofMinor(currency, rs.getLong("credits_minor"))))
                .list();
    }

    /** A snapshot's text is {@code xmin:xmax:xip,...}. */
    private static String xmin(LedgerMark mark) {
        return mark.snapshot().substring(0, mark.snapshot().indexOf(':'));
    }

    private static String xmax(LedgerMark mark) {
        var text = mark.snapshot();
        var first = text.indexOf(':');
        return text.substring(first + 1, text.indexOf(':', first + 1));
    }

    private long accountId(LedgerAccount account) {
        var id = accountIds.get(account);
        if (id == null) {
            throw new IllegalStateException("Ledger account " + account + " was not created");
        }
        return id;
    }

    /**
     * Creates the accounts the entries name that this node does not know yet, in a transaction of their own: an
     * account is an empty container, so it may outlive a posting that rolls back, and its id can then be kept.
     * Created in its own transaction, an account never makes another transaction wait for the one that first posted
     * to it.
     */
    private void createMissingAccounts(List<JournalEntry> entries) {
        @Nullable TreeSet<LedgerAccount> missing = null;
        for (var entry : entries) {
            for (var posting : entry.postings()) {
                for (var account : List.of(posting.debit(), posting.credit())) {
                    if (!accountIds.containsKey(account)) {
                        if (missing == null) {
                            missing = new TreeSet<>(ACCOUNT_ORDER);
                        }
                        missing.add(account);
                    }
                }
            }
        }
        if (missing == null) {
            return;
        }
        var owners = missing.stream().map(a -> a.ownerPartyId().toString()).toArray(String[]::new);
        var roles = missing.stream().map(a -> a.role().name()).toArray(String[]::new);
        var currencies = missing.stream().map(a -> a.currency().getCode()).toArray(String[]::new);
        var created = ownTransaction.execute(status -> {
            jdbc.sql(CREATE_ACCOUNTS).params(owners, roles, currencies).update();
            return jdbc.sql(ACCOUNT_IDS)
                    .params(owners, roles, currencies)
                    .query((rs, n) -> Map.entry(
                            new LedgerAccount(
                                    rs.getObject(2, UUID.class),
                                    AccountRole.valueOf(rs.getString(3)),
                                    CurrencyUnit.of(rs.getString(4))),
                            rs.getLong(1)))
                    .list();
        });
        // Kept only once committed: an id of a rolled-back account would name nothing.
        if (created != null) {
            created.forEach(e -> accountIds.put(e.getKey(), e.getValue()));
        }
    }

    /** The rows of one entry, one per posting, gathered into the entry. */
    private record EntryRows(
            String key,
            String reason,
            @Nullable String reference,
            Instant occurredAt,
            @Nullable String reverses,
            List<Posting> postings) {

        static EntryRows of(ResultSet rs) throws SQLException {
            return new EntryRows(
                    rs.getString("idempotency_key"),
                    rs.getString("reason_code"),
                    rs.getString("reference"),
                    rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("reverses"),
                    new ArrayList<>());
        }

        void add(ResultSet rs) throws SQLException {
            var currencyCode = rs.getString("currency");
            if (currencyCode == null) {
                // An entry without postings, which only SQL written around the ledger can make.
                return;
            }
            var currency = CurrencyUnit.of(currencyCode);
            postings.add(new Posting(
                    new LedgerAccount(
                            rs.getObject("debit_owner", UUID.class),
                            AccountRole.valueOf(rs.getString("debit_role")),
                            currency),
                    new LedgerAccount(
                            rs.getObject("credit_owner", UUID.class),
                            AccountRole.valueOf(rs.getString("credit_role")),
                            currency),
                    Money.ofMinor(currency, rs.getLong("amount_minor"))));
        }

        Stored toStored(long id) {
            return new Stored(id, new JournalEntry(key, reason, reference, occurredAt, postings), reverses);
        }
    }
}
