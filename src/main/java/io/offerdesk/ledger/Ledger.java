package io.offerdesk.ledger;

import io.offerdesk.ledger.internal.Journal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Posts journal entries and tells balances. Posting joins the caller's transaction (it must have one, else
 * {@link IllegalTransactionStateException}), so money moves exactly when the business fact that moves it commits.
 * Reads are single statements and need no transaction.
 *
 * <p>Replays: posting a key again posts nothing, provided the entry moves the same as the one posted first (same
 * reason, reference and postings); otherwise it throws {@link ConflictingReplay}. When two transactions post the same
 * key at once, the second waits for the first: if the first commits, the second sees a replay; if it rolls back, the
 * second posts.
 */
@Service
public class Ledger {

    private final Journal journal;

    Ledger(Journal journal) {
        this.journal = journal;
    }

    /**
     * Posts the entry unless its key was posted before.
     *
     * @return whether it was posted now; false for a replay of the same entry
     * @throws ConflictingReplay when the key was posted with other postings: a caller's bug, never bad input
     */
    public boolean post(JournalEntry entry) {
        requireTransaction();
        return insert(List.of(entry), null) == 1;
    }

    /**
     * Posts the entries in one statement; replays of earlier entries (and repeats of a key within the batch) are
     * skipped after the same check as {@link #post(JournalEntry)}.
     *
     * @return how many were posted now
     */
    public int postAll(List<JournalEntry> entries) {
        requireTransaction();
        return entries.isEmpty() ? 0 : insert(entries, null);
    }

    /**
     * Posts an entry that undoes the one posted under {@code originalKey}, with every posting reversed. An entry is
     * reversed at most once; reversing it again under the same key is a replay.
     *
     * @throws IllegalArgumentException when nothing was posted under {@code originalKey}
     * @throws IllegalStateException when the entry was already reversed under another key
     */
    public JournalEntry reverse(String originalKey, String idempotencyKey, String reasonCode, Instant occurredAt) {
        requireTransaction();
        var original = journal.find(originalKey)
                .orElseThrow(() -> new IllegalArgumentException("No journal entry " + originalKey + " to reverse"));
        var reversal = original.entry().reversal(idempotencyKey, reasonCode, occurredAt);
        var reversedBy = journal.reversalOf(original.id());
        if (reversedBy.isPresent() && !reversedBy.get().equals(idempotencyKey)) {
            throw alreadyReversed(originalKey, reversedBy.get());
        }
        try {
            insert(List.of(reversal), original);
        } catch (DuplicateKeyException concurrentReversal) {
            // Another transaction reversed it under another key between the check above and the insert.
            throw alreadyReversed(originalKey, "a concurrent reversal");
        }
        return reversal;
    }

    public Optional<JournalEntry> entry(String idempotencyKey) {
        return journal.find(idempotencyKey).map(Journal.Stored::entry);
    }

    /** The account's sums, read from its latest balance checkpoint and the postings since. */
    public AccountBalance balance(LedgerAccount account) {
        return journal.balance(account);
    }

    /** Every account of the owner with its balance. */
    public List<AccountBalance> balances(UUID ownerPartyId) {
        return journal.balances(AccountQuery.of(ownerPartyId));
    }

    /** The accounts the query matches with their balances, by owner, currency and role. */
    public List<AccountBalance> balances(AccountQuery query) {
        return journal.balances(query);
    }

    /**
     * The account's balance together with the mark it was read at, in one statement: the postings before the mark are
     * exactly the ones the balance sums. A later {@link #movements} from this mark lists what moved since.
     */
    public MarkedBalance markedBalance(LedgerAccount account) {
        return journal.markedBalance(account);
    }

    /** A mark drawn now: what has committed is before it. */
    public LedgerMark mark() {
        return journal.mark();
    }

    /**
     * What each entry moved on the account after {@code after} (from the journal's start when null) and before
     * {@code upTo}, in posting order. The movements' nets sum to the difference of the account's balances at the two
     * marks. Reads a range of the account's postings by transaction id (ADR 0015's indexes), not the whole journal.
     */
    public List<AccountMovement> movements(LedgerAccount account, @Nullable LedgerMark after, LedgerMark upTo) {
        return journal.movements(account, after, upTo);
    }

    private int insert(List<JournalEntry> entries, Journal.@Nullable Stored reverses) {
        var unique = entries.size() == 1 ? entries : uniqueInKeyOrder(entries);
        var inserted = journal.insertNew(unique, reverses == null ? null : reverses.id());
        var conflicting = new ArrayList<String>();
        if (inserted.size() < unique.size()) {
            var replayed = unique.stream()
                    .filter(entry -> !inserted.contains(entry.idempotencyKey()))
                    .toList();
            var posted = journal.findAll(
                    replayed.stream().map(JournalEntry::idempotencyKey).toList());
            var reversesKey = reverses == null ? null : reverses.entry().idempotencyKey();
            for (var entry : replayed) {
                var stored = posted.get(entry.idempotencyKey());
                if (stored == null
                        || !stored.entry().movesTheSameAs(entry)
                        || !Objects.equals(stored.reversesKey(), reversesKey)) {
                    conflicting.add(entry.idempotencyKey());
                }
            }
            throwIfAny(conflicting);
        }
        return inserted.size();
    }

    /**
     * One entry per key, in key order: two transactions posting overlapping batches take the keys in the same order,
     * so one waits for the other instead of both deadlocking. Copies of a key must move the same.
     */
    private static List<JournalEntry> uniqueInKeyOrder(List<JournalEntry> entries) {
        var byKey = new TreeMap<String, JournalEntry>();
        var conflicting = new ArrayList<String>();
        for (var entry : entries) {
            var first = byKey.putIfAbsent(entry.idempotencyKey(), entry);
            if (first != null && !first.movesTheSameAs(entry)) {
                conflicting.add(entry.idempotencyKey());
            }
        }
        throwIfAny(conflicting);
        return List.copyOf(byKey.values());
    }

    /**
     * Checked here rather than by {@code @Transactional(propagation = MANDATORY)}: posting is the hot path, and the
     * interceptor took a sizeable share of a posting's CPU (bench, JFR).
     */
    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("Posting to the ledger needs the caller's transaction");
        }
    }

    private static void throwIfAny(List<String> conflicting) {
        if (!conflicting.isEmpty()) {
            throw new ConflictingReplay(conflicting);
        }
    }

    private static IllegalStateException alreadyReversed(String originalKey, String by) {
        return new IllegalStateException("Journal entry " + originalKey + " was already reversed by " + by);
    }
}
