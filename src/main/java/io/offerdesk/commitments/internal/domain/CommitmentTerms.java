package io.offerdesk.commitments.internal.domain;

import io.offerdesk.catalog.ProductType;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a commitment contract says: one commitment per contract year (the total is their sum), the share of each
 * year's commitment that marketplace spend may retire, the product types that never count, and the milestones
 * (percent of the cap) that raise an alert.
 */
public record CommitmentTerms(
        String name,
        CurrencyUnit currency,
        LocalDate startDate,
        List<Money> yearlyCommitments,
        BigDecimal shareCapPercent,
        Set<ProductType> excludedTypes,
        List<Integer> milestones) {

    public static final int NAME_MAX = 200;
    public static final int TERM_YEARS_MAX = 5;
    public static final int MILESTONES_MAX = 10;
    /** Reference §6.5: from 2022 marketplace spend counts up to 25% of the annual commitment. */
    public static final BigDecimal DEFAULT_SHARE_CAP_PERCENT = new BigDecimal("25");
    /** Reference §6.5: professional services are excluded. */
    public static final Set<ProductType> DEFAULT_EXCLUDED = Set.of(ProductType.PROFESSIONAL_SERVICES);

    public static final List<Integer> DEFAULT_MILESTONES = List.of(50, 75, 100);
    /** Commitments are kept in US dollars, as AWS keeps them. */
    public static final Set<String> CURRENCIES = Set.of("USD");

    public CommitmentTerms {
        yearlyCommitments = List.copyOf(yearlyCommitments);
        excludedTypes = Set.copyOf(excludedTypes);
        milestones = List.copyOf(milestones);
    }

    /**
     * What a person asks for; absent parts take the defaults (share 25%, professional services excluded, milestones
     * 50/75/100). Amounts are decimal strings in the currency.
     */
    public record Draft(
            @Nullable String name,
            @Nullable String currencyCode,
            @Nullable LocalDate startDate,
            @Nullable List<String> yearlyCommitments,
            @Nullable BigDecimal shareCapPercent,
            @Nullable List<String> excludedProductTypes,
            @Nullable List<Integer> milestones) {}

    /**
     * The terms of a draft, or {@link io.offerdesk.shared.InvalidInput} naming every field that breaks a rule.
     */
    public static CommitmentTerms of(Draft draft) {
        var checks = new Validations().text("name", draft.name(), NAME_MAX).required("startDate", draft.startDate());
        var code = draft.currencyCode() == null ? "USD" : draft.currencyCode().strip();
        checks.check(
                CURRENCIES.contains(code), "currencyCode", "commitments.error.currency", String.join(", ", CURRENCIES));
        var currency = CurrencyUnit.of(CURRENCIES.contains(code) ? code : "USD");
        var amounts = draft.yearlyCommitments() == null ? List.<String>of() : draft.yearlyCommitments();
        checks.check(
                !amounts.isEmpty() && amounts.size() <= TERM_YEARS_MAX,
                "yearlyCommitments",
                "commitments.error.termYears",
                TERM_YEARS_MAX);
        var yearly = new ArrayList<Money>();
        for (int i = 0; i < amounts.size(); i++) {
            var amount = amount(currency, amounts.get(i));
            checks.check(
                    amount != null, "yearlyCommitments[" + i + "]", "commitments.error.amount", currency.getCode());
            if (amount != null) {
                yearly.add(amount);
            }
        }
        var share = draft.shareCapPercent() == null ? DEFAULT_SHARE_CAP_PERCENT : draft.shareCapPercent();
        checks.check(
                share.signum() > 0 && share.compareTo(BigDecimal.valueOf(100)) <= 0 && share.scale() <= 2,
                "shareCapPercent",
                "commitments.error.shareCap");
        var excluded = EnumSet.noneOf(ProductType.class);
        if (draft.excludedProductTypes() == null) {
            excluded.addAll(DEFAULT_EXCLUDED);
        } else {
            for (int i = 0; i < draft.excludedProductTypes().size(); i++) {
                var type = draft.excludedProductTypes().get(i);
                var known = type != null
                        && EnumSet.allOf(ProductType.class).stream()
                                .anyMatch(t -> t.name().equals(type));
                checks.check(
                        known,
                        "excludedProductTypes[" + i + "]",
                        "commitments.error.productType",
                        String.valueOf(type));
                if (known) {
                    excluded.add(ProductType.valueOf(type));
                }
            }
        }
        var milestones = draft.milestones() == null ? DEFAULT_MILESTONES : draft.milestones();
        var distinct = new TreeSet<Integer>();
        for (int i = 0; i < milestones.size(); i++) {
            var percent = milestones.get(i);
            var valid = percent != null && percent >= 1 && percent <= 100 && distinct.add(percent);
            checks.check(valid, "milestones[" + i + "]", "commitments.error.milestone");
        }
        checks.check(milestones.size() <= MILESTONES_MAX, "milestones", "commitments.error.milestones", MILESTONES_MAX);
        checks.throwIfInvalid();
        return new CommitmentTerms(
                Validations.present("name", draft.name()).strip(),
                currency,
                Validations.present("startDate", draft.startDate()),
                yearly,
                share.setScale(2, RoundingMode.UNNECESSARY),
                excluded,
                List.copyOf(distinct));
    }

    private static @Nullable Money amount(CurrencyUnit currency, @Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            var value = new BigDecimal(text.strip());
            if (value.signum() <= 0 || value.scale() > currency.getDecimalPlaces()) {
                return null;
            }
            return Money.of(currency, value);
        } catch (NumberFormatException | ArithmeticException malformed) {
            return null;
        }
    }

    public int termYears() {
        return yearlyCommitments.size();
    }

    /** The total commitment: the sum of the yearly ones. */
    public Money total() {
        return yearlyCommitments.stream().reduce(Money.zero(currency), Money::plus);
    }

    /** The day after the last contract year. */
    public LocalDate endDate() {
        return startDate.plusYears(termYears());
    }

    /** Contract year {@code n} (1-based): from the start date's anniversary to the next. */
    public CommitmentYear year(int n) {
        var commitment = yearlyCommitments.get(n - 1);
        return new CommitmentYear(
                n, startDate.plusYears(n - 1L), startDate.plusYears(n), commitment, cap(commitment, shareCapPercent));
    }

    public List<CommitmentYear> years() {
        var years = new ArrayList<CommitmentYear>();
        for (int n = 1; n <= termYears(); n++) {
            years.add(year(n));
        }
        return List.copyOf(years);
    }

    /** The year whose window holds the date, if the contract covers it. */
    public @Nullable CommitmentYear yearOf(LocalDate date) {
        return years().stream().filter(y -> y.contains(date)).findFirst().orElse(null);
    }

    /** Whether spend on a product of this type, eligible by the operator's flag, counts. */
    public boolean counts(ProductType type, boolean productEligible) {
        return productEligible && !excludedTypes.contains(type);
    }

    /** Whether the contracts' windows overlap: one organization's spend counts toward one contract at a time. */
    public boolean overlaps(CommitmentTerms other) {
        return startDate.isBefore(other.endDate()) && other.startDate().isBefore(endDate());
    }

    /** The share of a year's commitment, rounded down to the cent: the cap never exceeds the share. */
    static Money cap(Money commitment, BigDecimal percent) {
        return commitment.multipliedBy(percent.movePointLeft(2), RoundingMode.DOWN);
    }
}
