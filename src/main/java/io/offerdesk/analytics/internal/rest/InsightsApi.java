package io.offerdesk.analytics.internal.rest;

import io.offerdesk.analytics.internal.Reports;
import io.offerdesk.analytics.internal.domain.SpendBreakdown;
import io.offerdesk.analytics.internal.insights.Insights;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A buyer organization's procurement insights, as the dashboard at {@code /buyer/insights} shows them. */
@RestController
@Tag(name = "Insights", description = "Procurement insights for buyer organizations")
class InsightsApi {

    record ShareJson(String key, String name, String spend) {}

    /** One currency's spend; the breakdowns each add up to {@code total}. */
    record SpendJson(
            String currencyCode,
            String total,
            List<ShareJson> byProduct,
            List<ShareJson> bySeller,
            List<ShareJson> byMonth) {}

    /** {@code costCenterId} absent for spend no cost center was assigned. */
    record CostCenterJson(
            @Nullable String costCenterId,
            @Nullable String code,
            @Nullable String name,
            String currencyCode,
            String spend) {}

    record EndingJson(
            String agreementId,
            String productId,
            String productTitle,
            @Nullable Instant endTime,
            String endTimeBehavior) {}

    record ExpiringJson(
            String offerId,
            @Nullable String name,
            String productId,
            String productTitle,
            @Nullable Instant expiresAt) {}

    record InsightsJson(
            YearMonth from,
            YearMonth to,
            List<SpendJson> spend,
            List<CostCenterJson> spendByCostCenter,
            List<EndingJson> agreementsEndingSoon,
            List<ExpiringJson> offersExpiringSoon) {}

    private final Insights insights;
    private final Reports reports;

    InsightsApi(Insights insights, Reports reports) {
        this.insights = insights;
        this.reports = reports;
    }

    @GetMapping("/api/v1/buyer/insights")
    @Operation(
            summary = "Spend by product, seller, cost center and month (from/to as YYYY-MM, default the last twelve"
                    + " months), agreements ending within 90 days and private offers expiring within 30")
    InsightsJson insights(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        var report = insights.report(me, from, to);
        var products = reports.productNames();
        var parties = reports.partyNames();
        return new InsightsJson(
                report.from(),
                report.to(),
                report.spend().stream()
                        .map(b -> new SpendJson(
                                b.currency().getCode(),
                                b.total().getAmount().toPlainString(),
                                shares(b.byProduct(), products),
                                shares(b.bySeller(), parties),
                                shares(b.byMonth(), Function.identity())))
                        .toList(),
                report.byCostCenter().stream()
                        .map(s -> new CostCenterJson(
                                s.costCenterId(),
                                s.code(),
                                s.name(),
                                s.total().getCurrencyUnit().getCode(),
                                s.total().getAmount().toPlainString()))
                        .toList(),
                report.endingSoon().stream()
                        .map(a -> new EndingJson(
                                a.id().value(),
                                a.productId(),
                                products.apply(a.productId()),
                                a.endTime(),
                                a.endTimeBehavior().type().name()))
                        .toList(),
                report.expiringOffers().stream()
                        .map(o -> new ExpiringJson(
                                o.id().value(), o.name(), o.productId(), products.apply(o.productId()), o.expiresAt()))
                        .toList());
    }

    private static List<ShareJson> shares(List<SpendBreakdown.Share> shares, Function<String, String> names) {
        return shares.stream()
                .map(s -> new ShareJson(
                        s.key(), names.apply(s.key()), s.spend().getAmount().toPlainString()))
                .toList();
    }
}
