package io.offerdesk.disbursement.internal.payout;

import io.offerdesk.disbursement.internal.payout.domain.PayoutPreference;
import io.offerdesk.ledger.AccountBalance;
import io.offerdesk.ledger.AccountQuery;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.platform.DueWork;
import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The disbursement run on the platform's clock: on each UTC day, every seller's and channel partner's positive payable
 * balance whose preference makes the day a disbursement day is paid out, once per payee, currency and day however
 * many nodes run it (the payee's lock row, skipped when another node holds it, and the unique due day). Due at 00:00
 * UTC of the next disbursement day of any payee with a positive balance.
 */
@Component
class DisbursementRun implements DueWork {

    static final Actor CLOCK = Actor.system("Disbursement run");

    private static final Logger log = LoggerFactory.getLogger(DisbursementRun.class);
    private static final List<AccountRole> PAYABLES = List.of(AccountRole.SELLER_PAYABLE, AccountRole.PARTNER_PAYABLE);

    private final Ledger ledger;
    private final PreferenceRepository preferences;
    private final Payouts payouts;

    DisbursementRun(Ledger ledger, PreferenceRepository preferences, Payouts payouts) {
        this.ledger = ledger;
        this.preferences = preferences;
        this.payouts = payouts;
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        var tomorrow = LocalDate.ofInstant(after, ZoneOffset.UTC).plusDays(1);
        var found = preferences.all();
        var next = new ArrayList<LocalDate>();
        forEachPositive(balance -> next.add(preference(found, balance).nextDueOnOrAfter(tomorrow)));
        return next.stream()
                .min(LocalDate::compareTo)
                .map(day -> day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Override
    public void runDue(Instant now) {
        pay(now);
    }

    /**
     * Pays every payee due on {@code now}'s UTC day and not paid for it yet.
     *
     * @return how many payees this call paid (others may have been paid by another node at the same time)
     */
    int pay(Instant now) {
        var day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        var found = preferences.all();
        var due = new ArrayList<AccountBalance>();
        forEachPositive(balance -> {
            if (preference(found, balance).dueOn(day)) {
                due.add(balance);
            }
        });
        int paid = 0;
        for (var balance : due) {
            var preference = preference(found, balance);
            if (payouts.disburseScheduled(balance.account(), day, preference.bankAccount(), CLOCK)
                    .isPresent()) {
                paid++;
            }
        }
        if (paid > 0) {
            log.info("Disbursement run of {} paid {} payees", day, paid);
        }
        return paid;
    }

    private static PayoutPreference preference(Map<String, PayoutPreference> found, AccountBalance balance) {
        var account = balance.account();
        var set = found.get(PreferenceRepository.key(account.ownerPartyId(), account.currency()));
        return set != null ? set : PayoutPreference.byDefault(account.ownerPartyId(), account.currency());
    }

    /** Every payable account with more credits than debits, page by page. */
    private void forEachPositive(Consumer<AccountBalance> action) {
        for (var role : PAYABLES) {
            int offset = 0;
            List<AccountBalance> page;
            do {
                page = ledger.balances(new AccountQuery(null, role, null, offset, AccountQuery.MAX_LIMIT));
                page.stream().filter(b -> b.net().isNegative()).forEach(action);
                offset += page.size();
            } while (page.size() == AccountQuery.MAX_LIMIT);
        }
    }
}
