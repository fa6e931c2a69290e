package io.offerdesk.ledger;

import io.offerdesk.ledger.internal.Journal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts journal entries and tells balances. Posting joins the caller's transaction (it must have one), so money moves
 * exactly when the business fact that moves it commits.
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
     * @throws IllegalStateException when the key was posted with other postings: a caller's bug, never bad input
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean post(JournalEntry entry) {
        return postAll(List.of(entry)) == 1;
    }

    /**
     * Posts the entries in one round trip per table; replays of earlier entries are skipped after the same check as
     * {@link #post(JournalEntry)}.
     *
     * @return how many were posted now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int postAll(List<JournalEntry> entries) {
        return insert(entries, Collections.nCopies(entries.size(), null));
    }

    /**
     * Posts an entry that undoes the one posted under {@code originalKey}, with every posting reversed.
     *
     * @throws IllegalArgumentException when nothing was posted under {@code originalKey}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public JournalEntry reverse(String originalKey, String idempotencyKey, String reasonCode, Instant occurredAt) {
        var original = journal.find(originalKey)
                .orElseThrow(() -> new IllegalArgumentException("No journal entry " + originalKey + " to reverse"));
        var reversal = new JournalEntry(
                idempotencyKey,
                reasonCode,
                original.reference(),
                occurredAt,
                original.postings().stream().map(Posting::reversed).toList());
        insert(List.of(reversal), List.of(originalKey));
        return reversal;
    }

    @Transactional(readOnly = true)
    public Optional<JournalEntry> entry(String idempotencyKey) {
        return journal.find(idempotencyKey);
    }

    @Transactional(readOnly = true)
    public AccountBalance balance(LedgerAccount account) {
        return journal.balance(account);
    }

    /** Every account of the owner with its balance. */
    @Transactional(readOnly = true)
    public List<AccountBalance> balances(UUID ownerPartyId) {
        return journal.balances(ownerPartyId);
    }

    private int insert(List<JournalEntry> entries, List<@Nullable String> reverses) {
        var replayed = journal.insert(entries, reverses);
        var mismatched = new ArrayList<String>();
        for (var key : replayed) {
            var posted = journal.find(key).orElseThrow();
            var given = entries.stream()
                    .filter(e -> e.idempotencyKey().equals(key))
                    .findFirst()
                    .orElseThrow();
            if (!posted.postings().equals(given.postings())) {
                mismatched.add(key);
            }
        }
        if (!mismatched.isEmpty()) {
            throw new IllegalStateException(
                    "Journal entries " + mismatched + " were posted before with other postings");
        }
        return entries.size() - replayed.size();
    }
}
