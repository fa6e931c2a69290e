package io.offerdesk.invoicing.internal;

import io.offerdesk.invoicing.events.TaxRateChanged;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tax rate per buyer country, which the operator keeps. A country without one has no tax. An invoice takes the
 * rate in force when it is issued and keeps it.
 */
@Service
public class TaxRates {

    /** Rates are percentages below 100 with at most this many decimals, as the invoice keeps them. */
    public static final int RATE_SCALE = 4;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final TaxRateRepository rates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaxRates(TaxRateRepository rates, ApplicationEventPublisher events, Clock clock) {
        this.rates = rates;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<TaxRate> rates(OfferdeskPrincipal me) {
        requireOperator(me);
        return rates.all();
    }

    /** Sets the country's rate; the invoices issued from now on use it. */
    @Transactional
    public TaxRate set(OfferdeskPrincipal me, @Nullable String country, @Nullable BigDecimal ratePercent) {
        requireOperator(me);
        var code = country(country);
        if (ratePercent == null
                || ratePercent.signum() < 0
                || ratePercent.compareTo(HUNDRED) >= 0
                || ratePercent.stripTrailingZeros().scale() > RATE_SCALE) {
            throw new InvalidInput("ratePercent", "invoicing.taxRate.rate", RATE_SCALE);
        }
        var rate = new TaxRate(code, ratePercent.setScale(RATE_SCALE), clock.instant());
        rates.save(rate);
        events.publishEvent(new TaxRateChanged(code, rate.ratePercent(), me.actor(), rate.updatedAt()));
        return rate;
    }

    /** Removes the country's rate: its buyers' invoices from now on have no tax. */
    @Transactional
    public void remove(OfferdeskPrincipal me, String country) {
        requireOperator(me);
        var code = country(country);
        if (!rates.delete(code)) {
            throw new NotFound("tax-rate", code);
        }
        events.publishEvent(new TaxRateChanged(code, null, me.actor(), clock.instant()));
    }

    /** The ISO 3166 alpha-2 code, upper case, or the field's violation. */
    static String country(@Nullable String country) {
        var code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw new InvalidInput("country", "invoicing.country");
        }
        return code;
    }

    private static void requireOperator(OfferdeskPrincipal me) {
        if (!me.has(Role.OPERATOR_ADMIN)) {
            throw new AccessDeniedException("tax rates are kept by the marketplace operator");
        }
    }
}
