package io.offerdesk.commitments.internal.web;

import io.offerdesk.commitments.internal.Commitments;
import io.offerdesk.platform.Charts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.joda.money.Money;
import org.joda.money.format.MoneyFormatterBuilder;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Formatting for the commitments pages ({@code @commitmentViews} in templates). */
@Component("commitmentViews")
public class CommitmentViews {

    private final JsonMapper json;
    private final MessageSource messages;

    CommitmentViews(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    public String money(Money amount) {
        return new MoneyFormatterBuilder()
                .appendCurrencyCode()
                .appendLiteral(" ")
                .appendAmountLocalized()
                .toFormatter(LocaleContextHolder.getLocale())
                .print(amount);
    }

    /** A part of a whole as a percent for a progress bar's width, 0 to 100, with two decimals. */
    public String width(Money part, Money whole) {
        if (!whole.isPositive() || !part.isPositive()) {
            return "0";
        }
        var percent = part.getAmount()
                .multiply(BigDecimal.valueOf(100))
                .divide(whole.getAmount(), 2, RoundingMode.DOWN)
                .min(BigDecimal.valueOf(100));
        return percent.toPlainString();
    }

    /** The years' cap, counted and eligible spend as bars, for ECharts. */
    public String yearsChart(Commitments.View view) {
        var locale = LocaleContextHolder.getLocale();
        var labels = view.years().stream()
                .map(y -> messages.getMessage(
                        "commitments.yearLabel", new Object[] {y.year().number()}, locale))
                .toList();
        return json.writeValueAsString(Charts.series(
                labels,
                List.of(
                        Charts.bars(
                                messages.getMessage("commitments.cap", null, locale),
                                view.years().stream()
                                        .map(y -> y.year().cap().getAmount())
                                        .toList()),
                        Charts.bars(
                                messages.getMessage("commitments.eligible", null, locale),
                                view.years().stream()
                                        .map(y -> y.eligible().getAmount())
                                        .toList()),
                        Charts.bars(
                                messages.getMessage("commitments.counted", null, locale),
                                view.years().stream()
                                        .map(y -> y.counted().getAmount())
                                        .toList()))));
    }
}
