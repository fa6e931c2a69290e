package io.offerdesk.ledger.internal;

import io.offerdesk.ledger.AccountBalance;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.JournalEntry;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.Posting;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The journal's SQL. Batches go to PostgreSQL as arrays ({@code unnest}), one statement per table. */
@Repository
public class Journal {

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
     * Inserts the entries whose keys are new, with their postings, and returns the keys that were already there.
     *
     * @param reverses for each entry, the key of the entry it reverses, or null
     */
    public List<String> insert(List<JournalEntry> entries, List<@Nullable String> reverses) {
        var ids = accountIds(entries.stream()
                .flatMap(e -> e.postings().stream())
                .flatMap(p -> java.util.stream.Stream.of(p.debit(), p.credit()))
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        var keys = entries.stream().map(JournalEntry::idempotencyKey).toArray(String[]::new);
        var inserted = new HashMap<String, Long>();
        jdbc.sql("""
                        INSERT INTO ledger.journal_entry
                            (idempotency_key, reason_code, reference, occurred_at, reverses_entry_id)
                        SELECT e.key, e.reason, e.reference, e.occurred_at,
                               (SELECT o.id FROM ledger.journal_entry o WHERE o.idempotency_key = e.reverses)
                        FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[], ?::varchar[])
                             AS e(key, reason, reference, occurred_at, reverses)
                        ON CONFLICT (idempotency_key) DO NOTHING
                        RETURNING idempotency_key, id
                        """)
                .params(
                        keys,
                        entries.stream().map(JournalEntry::reasonCode).toArray(String[]::new),
                        entries.stream().map(JournalEntry::reference).toArray(String[]::new),
                        entries.stream()
                                .map(e -> Timestamp.from(e.occurredAt()))
                                .toArray(Timestamp[]::new),
                        reverses.toArray(String[]::new))
                .query((rs, n) -> inserted.put(rs.getString(1), rs.getLong(2)))
                .list();
        var entryIds = new ArrayList<Long>();
        var legs = new ArrayList<Integer>();
        var debits = new ArrayList<Long>();
        var credits = new ArrayList<Long>();
        var currencies = new ArrayList<String>();
        var amounts = new ArrayList<Long>();
        var replayed = new ArrayList<String>();
        for (var entry : entries) {
            var id = inserted.remove(entry.idempotencyKey());
            if (id == null) {
                replayed.add(entry.idempotencyKey());
                continue;
            }
            var postings = entry.postings();
            for (int leg = 0; leg < postings.size(); leg++) {
                var posting = postings.get(leg);
                entryIds.add(id);
                legs.add(leg);
                debits.add(ids.get(posting.debit()));
                credits.add(ids.get(posting.credit()));
                currencies.add(posting.amount().getCurrencyUnit().getCode());
                amounts.add(posting.amount().getAmountMinorLong());
            }
        }
        if (!entryIds.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO ledger.posting
                                (entry_id, leg, debit_account_id, credit_account_id, currency, amount_minor)
                            SELECT * FROM unnest(?::bigint[], ?::int[], ?::bigint[], ?::bigint[], ?::char(3)[],
                                                 ?::bigint[])
                            """)
                    .params(
                            entryIds.toArray(Long[]::new),
                            legs.toArray(Integer[]::new),
                            debits.toArray(Long[]::new),
                            credits.toArray(Long[]::new),
                            currencies.toArray(String[]::new),
                            amounts.toArray(Long[]::new))
                    .update();
        }
        return replayed;
    }

    public Optional<JournalEntry> find(String idempotencyKey) {
        var head = jdbc.sql("""
                        SELECT id, reason_code, reference, occurred_at FROM ledger.journal_entry
                        WHERE idempotency_key = ?
                        """)
                .param(idempotencyKey)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()
                })
                .optional();
        return head.map(h -> new JournalEntry(
                idempotencyKey, (String) h[1], (String) h[2], (java.time.Instant) h[3], postings((Long) h[0])));
    }

    private List<Posting> postings(long entryId) {
        return jdbc.sql("""
                        SELECT d.owner_party_id, d.role, c.owner_party_id, c.role, p.currency, p.amount_minor
                        FROM ledger.posting p
                        JOIN ledger.account d ON d.id = p.debit_account_id
                        JOIN ledger.account c ON c.id = p.credit_account_id
                        WHERE p.entry_id = ? ORDER BY p.leg
                        """)
                .param(entryId)
                .query((rs, n) -> {
                    var currency = CurrencyUnit.of(rs.getString(5));
                    return new Posting(
                            new LedgerAccount(
                                    rs.getObject(1, UUID.class), AccountRole.valueOf(rs.getString(2)), currency),
                            new LedgerAccount(
                                    rs.getObject(3, UUID.class), AccountRole.valueOf(rs.getString(4)), currency),
                            Money.ofMinor(currency, rs.getLong(6)));
                })
                .list();
    }

    public AccountBalance balance(LedgerAccount account) {
        var zero = Money.zero(account.currency());
        var id = jdbc.sql("SELECT id FROM ledger.account WHERE owner_party_id = ? AND role = ? AND currency = ?")
                .params(
                        account.ownerPartyId(),
                        account.role().name(),
                        account.currency().getCode())
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return new AccountBalance(account, zero, zero);
        }
        return jdbc.sql("""
                        SELECT (SELECT coalesce(sum(amount_minor), 0) FROM ledger.posting WHERE debit_account_id = :id),
                               (SELECT coalesce(sum(amount_minor), 0) FROM ledger.posting WHERE credit_account_id = :id)
                        """)
                .param("id", id.get())
                .query((rs, n) -> new AccountBalance(
                        account,
                        Money.ofMinor(account.currency(), rs.getLong(1)),
                        Money.ofMinor(account.currency(), rs.getLong(2))))
                .single();
    }

    public List<AccountBalance> balances(UUID ownerPartyId) {
        return jdbc.sql("""
                        SELECT a.role, a.currency,
                               (SELECT coalesce(sum(amount_minor), 0) FROM ledger.posting WHERE debit_account_id = a.id),
                               (SELECT coalesce(sum(amount_minor), 0) FROM ledger.posting WHERE credit_account_id = a.id)
                        FROM ledger.account a WHERE a.owner_party_id = ? ORDER BY a.role, a.currency
                        """)
                .param(ownerPartyId)
                .query((rs, n) -> {
                    var currency = CurrencyUnit.of(rs.getString(2));
                    return new AccountBalance(
                            new LedgerAccount(ownerPartyId, AccountRole.valueOf(rs.getString(1)), currency),
                            Money.ofMinor(currency, rs.getLong(3)),
                            Money.ofMinor(currency, rs.getLong(4)));
                })
                .list();
    }

    /**
     * The ids of the accounts, creating the missing ones in a transaction of their own: an account is an empty
     * container, so it may outlive a posting that rolls back, and its id can then be kept.
     */
    private Map<LedgerAccount, Long> accountIds(java.util.Collection<LedgerAccount> accounts) {
        var missing = accounts.stream().filter(a -> !accountIds.containsKey(a)).toList();
        if (!missing.isEmpty()) {
            ownTransaction.executeWithoutResult(status -> {
                var owners = missing.stream().map(LedgerAccount::ownerPartyId).toArray(UUID[]::new);
                var roles = missing.stream().map(a -> a.role().name()).toArray(String[]::new);
                var currencies =
                        missing.stream().map(a -> a.currency().getCode()).toArray(String[]::new);
                jdbc.sql("""
                                INSERT INTO ledger.account (owner_party_id, role, currency)
                                SELECT * FROM unnest(?::uuid[], ?::varchar[], ?::char(3)[])
                                ON CONFLICT DO NOTHING
                                """).params(owners, roles, currencies).update();
                jdbc.sql("""
                                SELECT a.id, a.owner_party_id, a.role, a.currency FROM ledger.account a
                                JOIN unnest(?::uuid[], ?::varchar[], ?::char(3)[]) AS m(owner, role, currency)
                                  ON a.owner_party_id = m.owner AND a.role = m.role AND a.currency = m.currency
                                """)
                        .params(owners, roles, currencies)
                        .query((rs, n) -> accountIds.put(
                                new LedgerAccount(
                                        rs.getObject(2, UUID.class),
                                        AccountRole.valueOf(rs.getString(3)),
                                        CurrencyUnit.of(rs.getString(4))),
                                rs.getLong(1)))
                        .list();
            });
        }
        var ids = new HashMap<LedgerAccount, Long>();
        accounts.forEach(a -> ids.put(a, accountIds.get(a)));
        return ids;
    }
}
