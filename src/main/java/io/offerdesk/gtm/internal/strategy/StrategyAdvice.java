package io.offerdesk.gtm.internal.strategy;

import io.offerdesk.gtm.internal.strategy.domain.Finding;
import io.offerdesk.gtm.internal.strategy.domain.Position;
import io.offerdesk.gtm.internal.templates.TemplateLibrary;
import io.offerdesk.offers.ComposerAdvice;
import io.offerdesk.offers.Offer;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The deal strategy panel of the offer composer: the draft's segment, its route, discount band and default template,
 * and what does not fit. A party without a strategy gets no panel.
 */
@Component
class StrategyAdvice implements ComposerAdvice {

    static final String PANEL_ID = "deal-strategy-panel";

    private final DealStrategies strategies;
    private final TemplateLibrary templates;
    private final MessageSource messages;

    StrategyAdvice(DealStrategies strategies, TemplateLibrary templates, MessageSource messages) {
        this.strategies = strategies;
        this.templates = templates;
        this.messages = messages;
    }

    @Override
    public Optional<Panel> panel(OfferdeskPrincipal me, Offer draft, Locale locale) {
        if (strategies.strategy(me).rules().isEmpty()) {
            return Optional.empty();
        }
        var position = strategies.position(draft);
        var lines = new ArrayList<Line>();
        var segment = position.segment();
        if (segment != null) {
            lines.add(Line.info(text(
                    locale,
                    "strategy.advice.segment." + segment.route(),
                    segment.name(),
                    String.valueOf(position.rank()))));
            lines.add(Line.info(text(
                    locale,
                    position.discountPercent() == null ? "strategy.advice.bandNoDiscount" : "strategy.advice.band",
                    percent(segment.discountMin()),
                    percent(segment.discountMax()),
                    percent(position.discountPercent()))));
        }
        if (position.contractValue() != null) {
            lines.add(Line.info(text(locale, "strategy.advice.value", money(position.contractValue()))));
        }
        for (var finding : position.findings()) {
            lines.add(Line.warning(finding(locale, finding, position)));
        }
        var template = segment == null ? null : segment.defaultTemplateId();
        if (template != null) {
            lines.add(new Line(
                    text(
                            locale,
                            "strategy.advice.template",
                            templates.offerTemplate(me, template).name()),
                    false,
                    "/templates/offer-templates/" + template,
                    text(locale, "strategy.advice.startFromTemplate")));
        }
        lines.add(new Line("", false, "/deal-strategy", text(locale, "strategy.advice.manage")));
        return Optional.of(new Panel(PANEL_ID, text(locale, "strategy.advice.title"), lines));
    }

    private String finding(Locale locale, Finding finding, Position position) {
        var segment = position.segment();
        return switch (finding) {
            case NO_SEGMENT, PUBLIC_PRICE_SEGMENT -> text(locale, "strategy.finding." + finding);
            case DISCOUNT_ABOVE_BAND ->
                text(
                        locale,
                        "strategy.finding." + finding,
                        percent(position.discountPercent()),
                        percent(segment == null ? null : segment.discountMax()));
            case DISCOUNT_BELOW_BAND ->
                text(
                        locale,
                        "strategy.finding." + finding,
                        percent(position.discountPercent()),
                        percent(segment == null ? null : segment.discountMin()));
        };
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static String percent(@Nullable BigDecimal percent) {
        return percent == null ? "" : percent.stripTrailingZeros().toPlainString();
    }

    static String money(@Nullable Money money) {
        return money == null
                ? ""
                : money.getCurrencyUnit().getCode() + " " + money.getAmount().toPlainString();
    }
}
