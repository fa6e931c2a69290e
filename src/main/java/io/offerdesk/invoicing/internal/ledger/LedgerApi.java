package io.offerdesk.invoicing.internal.ledger;

import io.offerdesk.ledger.AccountBalance;
import io.offerdesk.ledger.InvariantCheck;
import io.offerdesk.ledger.InvariantViolation;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.LedgerInvariants;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger over REST: account balances for their owners (all of them for the operator) and the operator's invariant
 * check. Amounts are integer minor units next to their currency. The ledger module depends on nothing, so its API is
 * served here, by the module that moves money into it (ADR 0015).
 */
@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "Ledger", description = "Ledger account balances and the ledger's invariant check")
class LedgerApi {

    record AccountJson(
            UUID ownerPartyId, String role, String currency, long debitsMinor, long creditsMinor, long netMinor) {

        static AccountJson of(AccountBalance balance) {
            var account = balance.account();
            return new AccountJson(
                    account.ownerPartyId(),
                    account.role().name(),
                    account.currency().getCode(),
                    balance.debits().getAmountMinorLong(),
                    balance.credits().getAmountMinorLong(),
                    balance.net().getAmountMinorLong());
        }
    }

    record AccountPageJson(List<AccountJson> items, boolean more) {}

    record TotalJson(String currency, long debitsMinor, long creditsMinor, boolean balanced) {}

    record ViolationJson(
            String kind,
            @Nullable String entryKey,
            @Nullable String account,
            @Nullable String currency,
            String facts) {}

    record CheckJson(
            long id,
            Instant checkedAt,
            String trigger,
            boolean passed,
            long violationCount,
            long entries,
            long postings,
            long accounts,
            long checkpoints,
            @Nullable Long lastEntryId,
            long elapsedMs,
            List<TotalJson> totals,
            List<ViolationJson> violations) {

        static CheckJson of(InvariantCheck check) {
            return new CheckJson(
                    check.id(),
                    check.checkedAt(),
                    check.trigger().name(),
                    check.passed(),
                    check.violationCount(),
                    check.entries(),
                    check.postings(),
                    check.accounts(),
                    check.checkpoints(),
                    check.lastEntryId(),
                    check.elapsed().toMillis(),
                    check.totals().stream()
                            .map(t -> new TotalJson(t.currency(), t.debitsMinor(), t.creditsMinor(), t.balanced()))
                            .toList(),
                    check.violations().stream().map(CheckJson::violation).toList());
        }

        private static ViolationJson violation(InvariantViolation v) {
            return new ViolationJson(v.kind().name(), v.entryKey(), v.account(), v.currency(), v.facts());
        }
    }

    private final Ledger ledger;
    private final LedgerInvariants invariants;

    LedgerApi(Ledger ledger, LedgerInvariants invariants) {
        this.ledger = ledger;
        this.invariants = invariants;
    }

    @GetMapping("/accounts")
    @Operation(
            summary = "List ledger accounts with their balances",
            description = "A party reads the accounts it owns; the operator reads every account and may filter by"
                    + " owner (a party id, or 'marketplace' for the marketplace's own accounts). Balances are debits"
                    + " and credits in minor units; net is debits minus credits.")
    AccountPageJson accounts(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable Integer offset,
            @RequestParam(required = false) @Nullable Integer limit) {
        var query = LedgerAccess.query(me, owner, role, currency, offset, limit);
        var found = ledger.balances(query);
        var page = found.size() < query.limit() ? found : found.subList(0, query.limit() - 1);
        return new AccountPageJson(page.stream().map(AccountJson::of).toList(), found.size() == query.limit());
    }

    @GetMapping("/invariants")
    @Operation(summary = "The latest result of the ledger's invariant check (operator)")
    CheckJson lastCheck(OfferdeskPrincipal me) {
        LedgerAccess.requireOperator(me);
        return invariants
                .lastCheck()
                .map(CheckJson::of)
                .orElseThrow(() -> new NotFound("ledger-invariant-check", "latest"));
    }

    @PostMapping("/invariants")
    @Operation(
            summary = "Run the ledger's invariant check now (operator)",
            description = "Checks the whole journal in one snapshot and returns what it found; the result is stored"
                    + " and becomes the latest.")
    CheckJson check(OfferdeskPrincipal me) {
        LedgerAccess.requireOperator(me);
        return CheckJson.of(invariants.checkNow());
    }
}
