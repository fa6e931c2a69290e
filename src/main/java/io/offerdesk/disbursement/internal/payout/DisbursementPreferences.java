package io.offerdesk.disbursement.internal.payout;

import io.offerdesk.disbursement.events.DisbursementPreferenceSet;
import io.offerdesk.disbursement.internal.payout.domain.BankAccountReference;
import io.offerdesk.disbursement.internal.payout.domain.Frequency;
import io.offerdesk.disbursement.internal.payout.domain.PayoutPreference;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A payee's disbursement preferences, one per currency, read and set by its administrators and finance users. */
@Service
public class DisbursementPreferences {

    /** The currencies a payee is paid in: those offers may be in (DESIGN §3, reference §6.4). */
    public static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "AUD", "JPY");

    private final PreferenceRepository preferences;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DisbursementPreferences(PreferenceRepository preferences, ApplicationEventPublisher events, Clock clock) {
        this.preferences = preferences;
        this.events = events;
        this.clock = clock;
    }

    /** One preference per currency: the ones the payee set, the default for the others. */
    public List<PayoutPreference> of(OfferdeskPrincipal me) {
        DisbursementAccess.requirePayeeUser(me);
        var set = preferences.of(me.partyId());
        var all = new ArrayList<PayoutPreference>();
        for (var code : CURRENCIES) {
            var currency = CurrencyUnit.of(code);
            all.add(set.stream()
                    .filter(p -> p.currency().equals(currency))
                    .findFirst()
                    .orElseGet(() -> PayoutPreference.byDefault(me.partyId(), currency)));
        }
        return all;
    }

    @Transactional
    public PayoutPreference set(
            OfferdeskPrincipal me,
            String currencyCode,
            @Nullable String frequencyName,
            @Nullable Integer dayOfMonth,
            @Nullable String bankAccount) {
        DisbursementAccess.requirePayeeUser(me);
        var code = currencyCode.toUpperCase(Locale.ROOT);
        if (!CURRENCIES.contains(code)) {
            throw new InvalidInput("currency", "validation.enum", CURRENCIES.toString());
        }
        var currency = CurrencyUnit.of(code);
        if (frequencyName == null || frequencyName.isBlank()) {
            throw new InvalidInput("frequency", "validation.required");
        }
        Frequency frequency;
        try {
            frequency = Frequency.valueOf(frequencyName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("frequency", "validation.enum", Arrays.toString(Frequency.values()));
        }
        if (frequency == Frequency.MONTHLY
                && (dayOfMonth == null || dayOfMonth < 1 || dayOfMonth > PayoutPreference.LAST_DAY)) {
            throw new InvalidInput("dayOfMonth", "disbursements.validation.day", PayoutPreference.LAST_DAY);
        }
        if (frequency == Frequency.DAILY && dayOfMonth != null) {
            throw new InvalidInput("dayOfMonth", "disbursements.validation.dailyNoDay");
        }
        String account = null;
        if (bankAccount != null && !bankAccount.isBlank()) {
            account = BankAccountReference.normalized(bankAccount);
            var problem = BankAccountReference.problem(account, currency);
            if (problem.isPresent()) {
                throw new InvalidInput("bankAccount", problem.get());
            }
        }
        var now = clock.instant();
        var actor = me.actor();
        var preference = new PayoutPreference(
                me.partyId(),
                currency,
                frequency,
                frequency == Frequency.MONTHLY ? dayOfMonth : null,
                account,
                now,
                actor.name());
        preferences.save(preference);
        events.publishEvent(new DisbursementPreferenceSet(
                me.partyId(),
                code,
                frequency.name(),
                preference.dayOfMonth(),
                account == null ? null : BankAccountReference.masked(account),
                actor,
                now));
        return preference;
    }
}
