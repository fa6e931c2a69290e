package io.offerdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.offerdesk.shared.Allocation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Random split journals, as invoicing and collections post them: an amount from one account split over several
 * others with {@link Allocation}, in random currencies (JPY has no minor unit), between random owners and roles.
 * Balances are folded here the way the ledger sums postings: debits and credits per account.
 */
class LedgerPropertyTests {

    static final List<CurrencyUnit> CURRENCIES =
            List.of(CurrencyUnit.USD, CurrencyUnit.EUR, CurrencyUnit.GBP, CurrencyUnit.AUD, CurrencyUnit.JPY);
    static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    /** One split: {@code whole} leaves {@code from} and is shared between {@code to} in proportion to the weights. */
    record Split(
            LedgerAccountSeed from,
            List<LedgerAccountSeed> to,
            CurrencyUnit currency,
            long wholeMinor,
            List<Integer> weights) {}

    /** An account before its currency is known: the journal puts each split in one currency. */
    record LedgerAccountSeed(int owner, AccountRole role) {
        LedgerAccount in(CurrencyUnit currency) {
            return new LedgerAccount(new UUID(0, owner + 1L), role, currency);
        }
    }

    @Property(tries = 1000)
    void everyRandomSplitJournalBalancesPerEntryAndPerCurrency(@ForAll("journals") List<List<Split>> journal) {
        var entries = entries(journal);
        var balances = fold(entries);

        for (var entry : entries) {
            var moved = new HashMap<CurrencyUnit, long[]>();
            for (var posting : entry.postings()) {
                moved.computeIfAbsent(posting.debit().currency(), c -> new long[2])[0] +=
                        posting.amount().getAmountMinorLong();
                moved.computeIfAbsent(posting.credit().currency(), c -> new long[2])[1] +=
                        posting.amount().getAmountMinorLong();
            }
            moved.values().forEach(sums -> assertThat(sums[0]).isEqualTo(sums[1]));
        }
        var perCurrency = new HashMap<CurrencyUnit, long[]>();
        balances.forEach((account, sums) -> {
            var total = perCurrency.computeIfAbsent(account.currency(), c -> new long[2]);
            total[0] += sums[0];
            total[1] += sums[1];
        });
        perCurrency.values().forEach(sums -> assertThat(sums[0]).isEqualTo(sums[1]));
        // Each split moved exactly its whole: what its source gave is what its legs got.
        var wholes = journal.stream()
                .flatMap(List::stream)
                .mapToLong(Split::wholeMinor)
                .sum();
        assertThat(perCurrency.values().stream().mapToLong(sums -> sums[0]).sum())
                .isEqualTo(wholes);
    }

    @Property(tries = 1000)
    void reversingAnyEntriesBringsEveryBalanceBackToTheJournalWithoutThem(
            @ForAll("journals") List<List<Split>> journal, @ForAll("seeds") long seed) {
        var entries = entries(journal);
        var random = new java.util.Random(seed);
        var kept = new ArrayList<JournalEntry>();
        var withReversals = new ArrayList<>(entries);
        for (var entry : entries) {
            if (random.nextBoolean()) {
                withReversals.add(entry.reversal("reversal:" + entry.idempotencyKey(), "REVERSED", AT));
            } else {
                kept.add(entry);
            }
        }

        var reversed = nets(fold(withReversals));
        var withoutThem = nets(fold(kept));
        reversed.forEach((account, net) -> assertThat(net).isEqualTo(withoutThem.getOrDefault(account, 0L)));
        withoutThem.forEach(
                (account, net) -> assertThat(reversed.getOrDefault(account, 0L)).isEqualTo(net));

        // Reversing everything leaves every account at zero.
        var all = new ArrayList<>(entries);
        entries.forEach(entry -> all.add(entry.reversal("reversal:" + entry.idempotencyKey(), "REVERSED", AT)));
        assertThat(nets(fold(all)).values()).containsOnly(0L);
    }

    @Property(tries = 1000)
    void aPostingNeverMixesCurrencies(
            @ForAll("currencies") CurrencyUnit debitIn,
            @ForAll("currencies") CurrencyUnit creditIn,
            @ForAll("currencies") CurrencyUnit amountIn) {
        var debit = new LedgerAccount(UUID.randomUUID(), AccountRole.MARKETPLACE_CLEARING, debitIn);
        var credit = new LedgerAccount(UUID.randomUUID(), AccountRole.SELLER_PAYABLE, creditIn);
        var amount = Money.ofMinor(amountIn, 100);
        if (debitIn.equals(creditIn) && creditIn.equals(amountIn)) {
            assertThat(new Posting(debit, credit, amount).amount()).isEqualTo(amount);
        } else {
            assertThatIllegalArgumentException().isThrownBy(() -> new Posting(debit, credit, amount));
        }
    }

    @Provide
    Arbitrary<CurrencyUnit> currencies() {
        return Arbitraries.of(CURRENCIES);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<List<List<Split>>> journals() {
        var seeds = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.of(AccountRole.class))
                .as(LedgerAccountSeed::new);
        var split = Combinators.combine(
                        seeds,
                        seeds.list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.of(CURRENCIES),
                        Arbitraries.longs().between(1, 10_000_000_000L),
                        Arbitraries.integers()
                                .between(0, 1_000)
                                .list()
                                .ofMinSize(4)
                                .ofMaxSize(4))
                .as(Split::new)
                .filter(s -> s.to().stream().noneMatch(s.from()::equals));
        // An entry is one or more splits, possibly in several currencies.
        return split.list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(12);
    }

    private static List<JournalEntry> entries(List<List<Split>> journal) {
        var entries = new ArrayList<JournalEntry>();
        for (int e = 0; e < journal.size(); e++) {
            var postings = new ArrayList<Posting>();
            for (var split : journal.get(e)) {
                var legs = split.to().size();
                var weights = split.weights().subList(0, legs).stream()
                        // A zero total weight has no proportions; one unit on the first leg gives them.
                        .map(BigDecimal::valueOf)
                        .toList();
                if (weights.stream().allMatch(w -> w.signum() == 0)) {
                    weights = new ArrayList<>(weights);
                    weights.set(0, BigDecimal.ONE);
                }
                var parts = Allocation.split(
                        Money.ofMinor(split.currency(), split.wholeMinor()), weights, Allocation.largest(weights));
                for (int leg = 0; leg < legs; leg++) {
                    if (parts.get(leg).isPositive()) {
                        postings.add(new Posting(
                                split.from().in(split.currency()),
                                split.to().get(leg).in(split.currency()),
                                parts.get(leg)));
                    }
                }
            }
            entries.add(new JournalEntry("entry:" + e, "SPLIT", null, AT, postings));
        }
        return entries;
    }

    /** Debits and credits per account, as the ledger sums postings. */
    private static Map<LedgerAccount, long[]> fold(List<JournalEntry> entries) {
        var sums = new HashMap<LedgerAccount, long[]>();
        for (var entry : entries) {
            for (var posting : entry.postings()) {
                var minor = posting.amount().getAmountMinorLong();
                sums.computeIfAbsent(posting.debit(), a -> new long[2])[0] += minor;
                sums.computeIfAbsent(posting.credit(), a -> new long[2])[1] += minor;
            }
        }
        return sums;
    }

    private static Map<LedgerAccount, Long> nets(Map<LedgerAccount, long[]> sums) {
        var nets = new HashMap<LedgerAccount, Long>();
        sums.forEach((account, s) -> nets.put(account, s[0] - s[1]));
        return nets;
    }
}
