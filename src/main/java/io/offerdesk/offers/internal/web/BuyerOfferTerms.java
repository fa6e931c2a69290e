package io.offerdesk.offers.internal.web;

import io.offerdesk.catalog.Dimension;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.StandardContractManagement;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.ByolPricingTerm;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.FreeTrialPricingTerm;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.LegalTerm;
import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PriceIncrease;
import io.offerdesk.offers.Term.RecurringPaymentTerm;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.offers.Term.SupportTerm;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import io.offerdesk.offers.internal.domain.PaymentSchedules;
import io.offerdesk.platform.Charts;
import io.offerdesk.platform.DashboardChart;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the {@code buyer/offer :: terms} fragment needs beyond the offer and its product, called from the template as
 * {@code @buyerOfferTerms}: the terms in reading order, dimension names, amounts and durations in the reader's
 * language, the payment schedule's total and chart, and where a standard contract's text is. The fragment takes only
 * the offer and the product, so the seller's composer can show an offer exactly as its buyer will, and the agreement
 * pages show an agreement's accepted terms through it too.
 */
@Component("buyerOfferTerms")
class BuyerOfferTerms {

    private final StandardContractManagement contracts;
    private final MessageSource messages;
    private final JsonMapper json;

    BuyerOfferTerms(StandardContractManagement contracts, MessageSource messages, JsonMapper json) {
        this.contracts = contracts;
        this.messages = messages;
        this.json = json;
    }

    /**
     * The terms in the order a buyer reads a contract: what is bought and what it costs, how it is paid and for how
     * long, then renewal, support and the legal text.
     */
    public List<Term> inReadingOrder(List<Term> terms) {
        return terms.stream()
                .sorted(Comparator.comparingInt(BuyerOfferTerms::place))
                .toList();
    }

    private static int place(Term term) {
        return switch (term) {
            case FixedUpfrontPricingTerm fixed -> 0;
            case ConfigurableUpfrontPricingTerm configurable -> 1;
            case RecurringPaymentTerm recurring -> 2;
            case UsageBasedPricingTerm usage -> 3;
            case FreeTrialPricingTerm trial -> 4;
            case ByolPricingTerm byol -> 5;
            case PaymentScheduleTerm schedule -> 6;
            case VariablePaymentTerm variable -> 7;
            case ValidityTerm validity -> 8;
            case NetPaymentTerm netPayment -> 9;
            case RenewalTerm renewal -> 10;
            case SupportTerm support -> 11;
            case LegalTerm legal -> 12;
        };
    }

    /** The product's dimension a term names by key; absent when the product (or the dimension) is gone. */
    public @Nullable Dimension dimension(@Nullable Product product, String key) {
        if (product == null) {
            return null;
        }
        return product.dimensions().stream()
                .filter(dimension -> dimension.key().equals(key))
                .findFirst()
                .orElse(null);
    }

    /**
     * An amount with its currency code, grouped for the reader's language, with the currency's decimals and any
     * further ones the seller wrote (usage rates go to 8 decimals); never rounded.
     */
    public String money(BigDecimal amount, String currencyCode) {
        var format = (DecimalFormat) NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(decimalsOf(currencyCode));
        format.setMaximumFractionDigits(
                Math.max(decimalsOf(currencyCode), amount.stripTrailingZeros().scale()));
        return currencyCode + " " + format.format(amount);
    }

    public String money(BigMoney amount) {
        return money(amount.getAmount(), amount.getCurrencyUnit().getCode());
    }

    public String money(Money amount) {
        return money(amount.getAmount(), amount.getCurrencyUnit().getCode());
    }

    private static int decimalsOf(String currencyCode) {
        try {
            return CurrencyUnit.of(currencyCode).getDecimalPlaces();
        } catch (IllegalCurrencyException unknown) {
            // A draft shown in the seller's preview may still carry a code the release will reject.
            return 0;
        }
    }

    /** A duration such as P12M or P1Y6M in words, e.g. "1 year 6 months". */
    public String period(Period period) {
        int years = period.getYears();
        int months = period.getMonths();
        int days = period.getDays();
        var parts = new ArrayList<String>();
        if (years != 0) {
            parts.add(message("buyer.period.years", years));
        }
        if (months != 0) {
            parts.add(message("buyer.period.months", months));
        }
        if (days != 0 || parts.isEmpty()) {
            parts.add(message("buyer.period.days", days));
        }
        return String.join(" ", parts);
    }

    /** How much dearer each renewal may be. */
    public String priceIncrease(PriceIncrease increase) {
        return switch (increase) {
            case PriceIncrease.FixedPercentage fixed -> message("buyer.terms.increaseFixed", percent(fixed.value()));
            case PriceIncrease.PercentageRange range ->
                message(
                        "buyer.terms.increaseRange",
                        percent(range.minValue()),
                        percent(range.maxValue()),
                        percent(range.defaultValue()));
        };
    }

    private static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /** The installments by charge date. */
    public List<Installment> chronological(PaymentScheduleTerm schedule) {
        return schedule.schedule().stream()
                .sorted(Comparator.comparing(Installment::chargeDate))
                .toList();
    }

    public Money total(PaymentScheduleTerm schedule) {
        return PaymentSchedules.total(schedule);
    }

    /** The installments as an Apache ECharts bar chart over their charge dates, drawn by {@code dashboard.js}. */
    public String chart(PaymentScheduleTerm schedule) {
        var installments = chronological(schedule);
        var option = Charts.categories(
                DashboardChart.Kind.BAR,
                installments.stream().map(i -> i.chargeDate().toString()).toList(),
                installments.stream().map(Installment::chargeAmount).toList(),
                schedule.currencyCode());
        return json.writeValueAsString(option);
    }

    /**
     * Where the text of a standard contract version can be read: the contract that has it, or the list of contracts
     * when none does (versions are labelled per contract, so the first contract with the label is taken).
     */
    public String standardContractPath(OfferdeskPrincipal me, @Nullable String version) {
        return contracts.contracts(me).stream()
                .filter(contract ->
                        contract.versions().stream().anyMatch(v -> v.version().equals(version)))
                .findFirst()
                .map(contract -> "/standard-contracts/" + contract.id())
                .orElse("/standard-contracts");
    }
}
