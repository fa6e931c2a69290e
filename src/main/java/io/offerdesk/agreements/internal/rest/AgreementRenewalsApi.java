package io.offerdesk.agreements.internal.rest;

import io.offerdesk.agreements.AgreementRenewals;
import io.offerdesk.agreements.EndTimeBehavior;
import io.offerdesk.agreements.RenewalInfo;
import io.offerdesk.offers.Term.PriceIncrease;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agreement's life on the clock: whether it started, and its automatic renewal, which either side may switch off
 * before the lockout and whose price increase the seller may choose within the renewal term's range.
 */
@RestController
@Tag(name = "Agreement renewals", description = "Start, renewal, opt-out and upcoming renewals of agreements")
class AgreementRenewalsApi {

    record PriceIncreaseBody(@Nullable BigDecimal priceIncrease) {}

    /**
     * @param renewalsLeft absent when the chain may renew without limit
     * @param offeredIncrease {@code {"fixedPercentage":"5"}} or {@code {"minValue","maxValue","defaultValue"}}
     */
    record RenewalJson(
            String agreementId,
            boolean started,
            @Nullable Instant startAnnouncedAt,
            EndTimeBehavior endTimeBehavior,
            boolean hasRenewalTerm,
            @Nullable String optedOutBy,
            @Nullable Instant renewalTime,
            @Nullable String priceIncrease,
            @Nullable OfferedIncrease offeredIncrease,
            @Nullable MoneyJson renewalValue,
            @Nullable Integer renewalsLeft,
            @Nullable Instant lockoutStartsAt,
            @Nullable Instant adjustmentDeadline,
            @Nullable Instant noticeSentAt,
            @Nullable String renewedAs,
            boolean optOutOpen,
            boolean adjustmentOpen) {

        static RenewalJson of(RenewalInfo info) {
            return new RenewalJson(
                    info.agreementId().value(),
                    info.started(),
                    info.startAnnouncedAt(),
                    info.endTimeBehavior(),
                    info.hasRenewalTerm(),
                    info.optedOutBy() == null ? null : info.optedOutBy().name(),
                    info.renewalTime(),
                    info.priceIncrease() == null ? null : info.priceIncrease().toPlainString(),
                    OfferedIncrease.of(info.offeredIncrease()),
                    MoneyJson.of(info.renewalValue()),
                    info.renewalsLeft(),
                    info.lockoutStartsAt(),
                    info.adjustmentDeadline(),
                    info.noticeSentAt(),
                    info.renewedAs() == null ? null : info.renewedAs().value(),
                    info.optOutOpen(),
                    info.adjustmentOpen());
        }
    }

    record OfferedIncrease(
            @Nullable String fixedPercentage,
            @Nullable String minValue,
            @Nullable String maxValue,
            @Nullable String defaultValue) {

        static @Nullable OfferedIncrease of(@Nullable PriceIncrease increase) {
            return switch (increase) {
                case null -> null;
                case PriceIncrease.FixedPercentage fixed ->
                    new OfferedIncrease(fixed.value().toPlainString(), null, null, null);
                case PriceIncrease.PercentageRange range ->
                    new OfferedIncrease(
                            null,
                            range.minValue().toPlainString(),
                            range.maxValue().toPlainString(),
                            range.defaultValue().toPlainString());
            };
        }
    }

    record MoneyJson(String currencyCode, String amount) {
        static @Nullable MoneyJson of(@Nullable Money money) {
            return money == null
                    ? null
                    : new MoneyJson(
                            money.getCurrencyUnit().getCode(), money.getAmount().toPlainString());
        }
    }

    record UpcomingJson(
            String agreementId,
            String offerId,
            String productId,
            String acceptorAccountId,
            @Nullable Instant endTime,
            RenewalJson renewal) {}

    private final AgreementRenewals renewals;

    AgreementRenewalsApi(AgreementRenewals renewals) {
        this.renewals = renewals;
    }

    @GetMapping("/api/v1/agreements/{agreementId}/renewal")
    @Operation(summary = "Whether the agreement started, and its automatic renewal: date, price, renewals left")
    RenewalJson renewal(OfferdeskPrincipal me, @PathVariable String agreementId) {
        return RenewalJson.of(renewals.renewal(me, agreementId));
    }

    @PostMapping("/api/v1/agreements/{agreementId}/renewal/opt-out")
    @Operation(
            summary = "Switch automatic renewal off for your side (buyer procurement or seller admin/author); final,"
                    + " refused in the lockout period as RENEWAL_LOCKOUT_PERIOD")
    RenewalJson optOut(OfferdeskPrincipal me, @PathVariable String agreementId) {
        return RenewalJson.of(renewals.optOut(me, agreementId));
    }

    @PutMapping("/api/v1/agreements/{agreementId}/renewal/price-increase")
    @Operation(
            summary = "Seller: choose the next renewal's price increase within the renewal term's percentage range,"
                    + " until the adjustment deadline")
    RenewalJson priceIncrease(
            OfferdeskPrincipal me, @PathVariable String agreementId, @RequestBody PriceIncreaseBody body) {
        return RenewalJson.of(renewals.choosePriceIncrease(me, agreementId, body.priceIncrease()));
    }

    @GetMapping("/api/v1/agreements/renewals/upcoming")
    @Operation(summary = "Seller: active agreements that renew automatically within the next days, soonest first")
    List<UpcomingJson> upcoming(OfferdeskPrincipal me, @RequestParam(defaultValue = "30") int days) {
        return renewals.upcoming(me, days).stream()
                .map(u -> new UpcomingJson(
                        u.agreement().id().value(),
                        u.agreement().offerId(),
                        u.agreement().productId(),
                        u.agreement().acceptorAccountId().value(),
                        u.agreement().endTime(),
                        RenewalJson.of(u.renewal())))
                .toList();
    }
}
