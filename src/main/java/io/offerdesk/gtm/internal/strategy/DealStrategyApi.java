package io.offerdesk.gtm.internal.strategy;

import io.offerdesk.gtm.internal.strategy.DealStrategies.RuleInput;
import io.offerdesk.gtm.internal.strategy.domain.DealStrategy;
import io.offerdesk.gtm.internal.strategy.domain.Finding;
import io.offerdesk.gtm.internal.strategy.domain.Position;
import io.offerdesk.gtm.internal.strategy.domain.SegmentRule;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's party's deal strategy, and where one of its offers stands in it. */
@RestController
@Tag(name = "Deal strategy", description = "Segment rules: route, discount band and default template per segment")
class DealStrategyApi {

    /**
     * @param rank 1 for the first rule; the first matching rule by rank wins
     * @param route PUBLIC_PRICE (the segment is served by the public offer) or PRIVATE_OFFER
     * @param keyAccounts buyer accounts: an offer to any account of their buyer organizations matches
     * @param valueCurrency with valueMin and/or valueMax: the total contract values the segment covers (inclusive); an
     *     offer in another currency does not match
     * @param discountMin the band's lower end, percent off the list price (0 when absent)
     * @param discountMax the band's upper end (100 when absent)
     * @param defaultTemplateId an offer template of the party to start the segment's offers from
     */
    record RuleJson(
            int rank,
            String name,
            String route,
            List<String> keyAccounts,
            @Nullable String valueCurrency,
            @Nullable BigDecimal valueMin,
            @Nullable BigDecimal valueMax,
            BigDecimal discountMin,
            BigDecimal discountMax,
            @Nullable String defaultTemplateId) {}

    record StrategyJson(List<RuleJson> rules, @Nullable Instant updatedAt) {}

    /** The whole ordered list of rules; their order gives their rank, and a rank given is ignored. */
    record StrategyRequest(@Nullable List<RuleInput> rules) {}

    /**
     * @param segment the first matching rule's name; absent when none matches
     * @param discountPercent the highest discount against the list price, as approval rules compute it
     * @param contractValue the total contract value (payment schedule's total, or else the upfront price)
     * @param findings NO_SEGMENT, PUBLIC_PRICE_SEGMENT, DISCOUNT_ABOVE_BAND, DISCOUNT_BELOW_BAND
     */
    record PositionJson(
            String offerId,
            @Nullable String segment,
            @Nullable Integer rank,
            @Nullable String route,
            @Nullable BigDecimal discountMin,
            @Nullable BigDecimal discountMax,
            @Nullable String defaultTemplateId,
            @Nullable BigDecimal discountPercent,
            @Nullable BigDecimal contractValue,
            @Nullable String currency,
            List<Finding> findings) {}

    private final DealStrategies strategies;

    DealStrategyApi(DealStrategies strategies) {
        this.strategies = strategies;
    }

    @GetMapping("/api/v1/deal-strategy")
    @Operation(summary = "The caller's party's segment rules in rank order")
    StrategyJson strategy(OfferdeskPrincipal me) {
        return json(strategies.strategy(me), strategies.updatedAt(me).orElse(null));
    }

    @PutMapping("/api/v1/deal-strategy")
    @Operation(
            summary = "Replace the whole ordered list of segment rules (administrators); a broken rule changes nothing")
    StrategyJson replace(OfferdeskPrincipal me, @RequestBody StrategyRequest request) {
        var strategy = strategies.replace(me, request.rules());
        return json(strategy, strategies.updatedAt(me).orElse(null));
    }

    @GetMapping("/api/v1/offers/{offerId}/position")
    @Operation(summary = "Where the offer stands in the deal strategy: segment, route, band, template and findings")
    PositionJson position(OfferdeskPrincipal me, @PathVariable String offerId) {
        return json(offerId, strategies.position(me, offerId));
    }

    static StrategyJson json(DealStrategy strategy, @Nullable Instant updatedAt) {
        var rules = strategy.rules();
        return new StrategyJson(
                IntStream.range(0, rules.size())
                        .mapToObj(i -> json(i + 1, rules.get(i)))
                        .toList(),
                updatedAt);
    }

    static RuleJson json(int rank, SegmentRule rule) {
        var value = rule.value();
        return new RuleJson(
                rank,
                rule.name(),
                rule.route().name(),
                rule.keyAccounts(),
                value == null ? null : value.currency().getCode(),
                value == null ? null : value.min(),
                value == null ? null : value.max(),
                rule.discountMin(),
                rule.discountMax(),
                rule.defaultTemplateId());
    }

    private static PositionJson json(String offerId, Position position) {
        var rule = position.segment();
        var value = position.contractValue();
        return new PositionJson(
                offerId,
                rule == null ? null : rule.name(),
                position.rank(),
                rule == null ? null : rule.route().name(),
                rule == null ? null : rule.discountMin(),
                rule == null ? null : rule.discountMax(),
                rule == null ? null : rule.defaultTemplateId(),
                position.discountPercent(),
                value == null ? null : value.getAmount(),
                value == null ? null : value.getCurrencyUnit().getCode(),
                position.findings());
    }
}
