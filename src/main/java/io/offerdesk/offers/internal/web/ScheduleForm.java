package io.offerdesk.offers.internal.web;

import io.offerdesk.changesets.ChangeError;
import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.internal.domain.PaymentSchedules;
import io.offerdesk.platform.FormSubmission;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The installment plan as typed: charge dates and amounts, in the currency of the offer's pricing. Rows are named
 * like the DetailsDocument path ({@code Terms[0].Schedule[2].ChargeAmount}) so that the engine's field violations
 * land next to the input they name. Saved as {@code UpdatePaymentScheduleTerms}.
 *
 * @param splitTotal the total the "split evenly" helper divides
 * @param splitCount into how many monthly installments
 * @param splitFirstDate the first charge date; the others follow month by month
 */
public record ScheduleForm(
        String currency, List<Row> rows, String splitTotal, String splitCount, String splitFirstDate) {

    static final String ROWS = "Terms[0].Schedule";
    /** The key of {@link #errorsByRow} for errors that name no row. */
    static final int NO_ROW = -1;

    /** One installment. */
    public record Row(String chargeDate, String chargeAmount) {
        static final Row EMPTY = new Row("", "");
    }

    private static final Pattern ROW_INDEX = Pattern.compile("Schedule\\[(\\d+)]");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public ScheduleForm {
        rows = List.copyOf(rows);
    }

    static ScheduleForm of(Offer offer, LocalDate today) {
        var rows = offer.term(PaymentScheduleTerm.class).stream()
                .flatMap(term -> term.schedule().stream())
                .map(i -> new Row(i.chargeDate().toString(), i.chargeAmount().toPlainString()))
                .toList();
        var currency = offer.currency().map(CurrencyUnit::getCode).orElse("USD");
        return new ScheduleForm(currency, rows, "", "12", today.plusDays(1).toString());
    }

    static ScheduleForm from(Map<String, String> params) {
        return new ScheduleForm(
                FormValues.text(params, "CurrencyCode"),
                FormSubmission.rows(params, ROWS).stream()
                        .map(row -> new Row(row.getOrDefault("ChargeDate", ""), row.getOrDefault("ChargeAmount", "")))
                        .toList(),
                FormValues.text(params, "split.total"),
                FormValues.text(params, "split.count"),
                FormValues.text(params, "split.firstDate"));
    }

    ScheduleForm withRowAdded() {
        var more = new ArrayList<>(rows);
        more.add(Row.EMPTY);
        return with(more);
    }

    ScheduleForm withRowRemoved(int index) {
        var fewer = new ArrayList<>(rows);
        if (index >= 0 && index < fewer.size()) {
            fewer.remove(index);
        }
        return with(fewer);
    }

    /**
     * Replaces the rows with {@code splitCount} monthly installments from {@code splitFirstDate} that sum to
     * {@code splitTotal}; the last takes the remainder of the even split, as {@link PaymentSchedules#split} does.
     *
     * @throws InvalidInput naming the helper's field that cannot be read
     */
    ScheduleForm split(int maxInstallments) {
        var violations = new ArrayList<FieldViolation>();
        Money total = null;
        try {
            total = Money.of(CurrencyUnit.of(currency), new BigDecimal(splitTotal), RoundingMode.UNNECESSARY);
            if (total.isNegative()) {
                violations.add(FieldViolation.of("split.total", "offerPages.schedule.splitTotal"));
            }
        } catch (IllegalArgumentException | ArithmeticException unreadable) {
            violations.add(FieldViolation.of("split.total", "offerPages.schedule.splitTotal"));
        }
        var count = FormValues.integer(splitCount);
        if (count == null || count < 1 || count > maxInstallments) {
            violations.add(FieldViolation.of("split.count", "validation.range", 1, maxInstallments));
        }
        LocalDate first = null;
        try {
            first = LocalDate.parse(splitFirstDate);
        } catch (DateTimeParseException unreadable) {
            violations.add(FieldViolation.of("split.firstDate", "validation.date"));
        }
        if (!violations.isEmpty() || total == null || count == null || first == null) {
            throw new InvalidInput(violations);
        }
        var parts = PaymentSchedules.split(total, count);
        var split = new ArrayList<Row>();
        for (int i = 0; i < parts.size(); i++) {
            split.add(new Row(
                    first.plusMonths(i).toString(), parts.get(i).getAmount().toPlainString()));
        }
        return with(split);
    }

    /** The rows to type into: at least one. */
    ScheduleForm padded() {
        return rows.isEmpty() ? with(List.of(Row.EMPTY)) : this;
    }

    RequestedChange change(String offerId) {
        var term = Details.term("PaymentScheduleTerm");
        term.put("CurrencyCode", currency);
        var schedule = term.putArray("Schedule");
        rows.forEach(row ->
                schedule.addObject().put("ChargeDate", row.chargeDate()).put("ChargeAmount", row.chargeAmount()));
        return Details.change("UpdatePaymentScheduleTerms", offerId, Details.terms(term));
    }

    static RequestedChange removal(String offerId) {
        return Details.change("UpdatePaymentScheduleTerms", offerId, Details.terms(null));
    }

    /** The decimals of the currency, for the live total in the browser. */
    public int decimals() {
        try {
            return CurrencyUnit.of(currency).getDecimalPlaces();
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }

    /**
     * The engine's errors by the row they name: a {@code Schedule[i]} path names row i; a date names the rows
     * charging on it (how duplicate and backdated charges are reported). {@link #NO_ROW} holds the rest.
     */
    Map<Integer, List<ChangeError>> errorsByRow(List<ChangeError> errors) {
        var byRow = new LinkedHashMap<Integer, List<ChangeError>>();
        for (var error : errors) {
            var named = new ArrayList<Integer>();
            var index = ROW_INDEX.matcher(error.message());
            while (index.find()) {
                named.add(Integer.parseInt(index.group(1)));
            }
            if (named.isEmpty()) {
                var date = DATE.matcher(error.message());
                while (date.find()) {
                    for (int i = 0; i < rows.size(); i++) {
                        if (rows.get(i).chargeDate().equals(date.group())) {
                            named.add(i);
                        }
                    }
                }
            }
            if (named.isEmpty()) {
                named.add(NO_ROW);
            }
            named.stream()
                    .distinct()
                    .forEach(row ->
                            byRow.computeIfAbsent(row, r -> new ArrayList<>()).add(error));
        }
        return byRow;
    }

    private ScheduleForm with(List<Row> replaced) {
        return new ScheduleForm(currency, replaced, splitTotal, splitCount, splitFirstDate);
    }
}
