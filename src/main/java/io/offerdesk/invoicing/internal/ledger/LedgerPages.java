package io.offerdesk.invoicing.internal.ledger;

import io.offerdesk.ledger.AccountBalance;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.InvariantCheck;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.LedgerInvariants;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.NavigationItem;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operator's ledger page: balances by owner, role and currency, and the invariant check with a run button. */
@Controller
class LedgerPages {

    /** The currencies offers may be in (DESIGN §3), offered as filters; the API takes any ISO code. */
    static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "AUD", "JPY");

    /** One account's row: amounts as decimals of its currency. */
    record AccountRow(
            UUID ownerPartyId,
            boolean marketplace,
            String ownerName,
            AccountRole role,
            String currency,
            BigDecimal debits,
            BigDecimal credits,
            BigDecimal net) {}

    /** A currency's totals in the check, as decimals when the code is a currency (rows written by SQL may not be). */
    record TotalRow(String currency, String debits, String credits, boolean balanced) {}

    private final Ledger ledger;
    private final LedgerInvariants invariants;
    private final PartyManagement parties;

    LedgerPages(Ledger ledger, LedgerInvariants invariants, PartyManagement parties) {
        this.ledger = ledger;
        this.invariants = invariants;
        this.parties = parties;
    }

    @GetMapping("/operator/ledger")
    String ledger(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable String currency,
            @RequestParam(required = false) @Nullable Integer offset,
            Model model) {
        LedgerAccess.requireOperator(me);
        var query = LedgerAccess.query(me, owner, role, currency, offset, null);
        var found = ledger.balances(query);
        var more = found.size() == query.limit();
        var page = more ? found.subList(0, query.limit() - 1) : found;
        var names = new HashMap<UUID, String>();
        model.addAttribute(
                "accounts", page.stream().map(balance -> row(balance, names)).toList());
        model.addAttribute("owner", owner);
        model.addAttribute("role", role);
        model.addAttribute("currency", currency);
        model.addAttribute(
                "parties",
                parties.parties(me, null).stream()
                        .filter(p -> p.kind() != PartyKind.OPERATOR)
                        .toList());
        model.addAttribute("roles", AccountRole.values());
        model.addAttribute("currencies", CURRENCIES);
        model.addAttribute("nextOffset", more ? query.offset() + page.size() : null);
        model.addAttribute(
                "previousOffset", query.offset() > 0 ? Math.max(0, query.offset() - LedgerAccess.DEFAULT_LIMIT) : null);
        addCheck(model, invariants.lastCheck().orElse(null));
        return "ledger/operator-ledger";
    }

    @PostMapping("/operator/ledger/check")
    String check(OfferdeskPrincipal me, Model model) {
        LedgerAccess.requireOperator(me);
        addCheck(model, invariants.checkNow());
        return "ledger/check :: result";
    }

    @Bean
    static NavigationItem ledgerNavigation() {
        return new NavigationItem(
                "nav.ledger", "/operator/ledger", 700, Set.of(PartyKind.OPERATOR), Set.of(Role.OPERATOR_ADMIN));
    }

    private AccountRow row(AccountBalance balance, HashMap<UUID, String> names) {
        var account = balance.account();
        var owner = account.ownerPartyId();
        var marketplace = owner.equals(LedgerAccount.MARKETPLACE);
        var name = marketplace
                ? ""
                : names.computeIfAbsent(
                        owner, id -> parties.find(id).map(Party::name).orElse(id.toString()));
        return new AccountRow(
                owner,
                marketplace,
                name,
                account.role(),
                account.currency().getCode(),
                balance.debits().getAmount(),
                balance.credits().getAmount(),
                balance.net().getAmount());
    }

    private static void addCheck(Model model, @Nullable InvariantCheck check) {
        model.addAttribute("check", check);
        model.addAttribute(
                "totals",
                check == null
                        ? List.of()
                        : check.totals().stream()
                                .map(t -> new TotalRow(
                                        t.currency(),
                                        decimal(t.currency(), t.debitsMinor()),
                                        decimal(t.currency(), t.creditsMinor()),
                                        t.balanced()))
                                .toList());
    }

    private static String decimal(String currency, long minor) {
        try {
            return BigDecimal.valueOf(minor, CurrencyUnit.of(currency).getDecimalPlaces())
                    .toPlainString();
        } catch (IllegalCurrencyException notACurrency) {
            return minor + " (minor units)";
        }
    }
}
