package io.offerdesk.commitments.internal.rest;

import io.offerdesk.commitments.internal.Commitments;
import io.offerdesk.commitments.internal.HeadroomSharing;
import io.offerdesk.commitments.internal.ProductEligibility;
import io.offerdesk.commitments.internal.domain.Drawdown;
import io.offerdesk.commitments.internal.domain.Drawdown.YearProgress;
import io.offerdesk.commitments.internal.domain.Forecast;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the commitments API; amounts are decimal strings with the currency's scale. */
final class CommitmentJson {

    private CommitmentJson() {}

    static String amount(Money money) {
        return money.getAmount().toPlainString();
    }

    /**
     * @param eligible the year's eligible spend before the cap (raw)
     * @param counted what retires the commitment: eligible spend kept between zero and the cap
     * @param headroom the cap less what counted
     */
    record Year(
            int year,
            LocalDate start,
            LocalDate lastDay,
            String commitment,
            String cap,
            String eligible,
            String excluded,
            String counted,
            String headroom,
            int percentOfCap,
            List<Integer> reachedMilestones) {

        static Year of(YearProgress p) {
            return new Year(
                    p.year().number(),
                    p.year().start(),
                    p.year().lastDay(),
                    amount(p.year().commitment()),
                    amount(p.year().cap()),
                    amount(p.eligible()),
                    amount(p.excluded()),
                    amount(p.counted()),
                    amount(p.headroom()),
                    p.percentOfCap(),
                    p.reached());
        }
    }

    record Reached(int year, int percent, Instant reachedAt) {}

    record Commitment(
            String id,
            String name,
            String currencyCode,
            LocalDate startDate,
            LocalDate lastDay,
            int termYears,
            List<String> yearlyCommitments,
            String totalCommitment,
            String shareCapPercent,
            List<String> excludedProductTypes,
            List<Integer> milestones,
            long version,
            Instant createdAt,
            String createdBy,
            List<Year> years,
            List<Reached> milestonesReached) {

        static Commitment of(Commitments.View view) {
            var c = view.commitment();
            var t = c.terms();
            return new Commitment(
                    c.id(),
                    t.name(),
                    t.currency().getCode(),
                    t.startDate(),
                    t.endDate().minusDays(1),
                    t.termYears(),
                    t.yearlyCommitments().stream().map(CommitmentJson::amount).toList(),
                    amount(t.total()),
                    t.shareCapPercent().toPlainString(),
                    t.excludedTypes().stream().map(Enum::name).sorted().toList(),
                    t.milestones(),
                    c.version(),
                    c.createdAt(),
                    c.createdBy(),
                    view.years().stream().map(Year::of).toList(),
                    view.reached().stream()
                            .map(r -> new Reached(r.year(), r.percent(), r.reachedAt()))
                            .toList());
        }
    }

    record Commitments_(List<Commitment> items) {}

    /** @param counts whether it counts under the contract: eligible product, type not excluded */
    record SpendLine(
            String invoiceId,
            int lineNo,
            LocalDate invoiceDate,
            String agreementId,
            String productId,
            String productType,
            boolean productEligible,
            String amount,
            boolean counts) {}

    record Spend(List<SpendLine> items) {

        static Spend of(Commitments.View view, List<Drawdown.Spend> lines) {
            var terms = view.commitment().terms();
            return new Spend(lines.stream()
                    .map(l -> new SpendLine(
                            l.invoiceId(),
                            l.lineNo(),
                            l.invoiceDate(),
                            l.agreementId(),
                            l.productId(),
                            l.productType().name(),
                            l.productEligible(),
                            amount(l.amount()),
                            terms.counts(l.productType(), l.productEligible())))
                    .toList());
        }
    }

    record ForecastYear(
            int year,
            LocalDate start,
            LocalDate lastDay,
            String cap,
            String eligible,
            String counted,
            String scheduledEligible,
            String scheduledExcluded,
            String plannedEligible,
            String plannedExcluded,
            String projectedCounted,
            String projectedHeadroom) {}

    /**
     * @param source the agreement that will invoice the charge, or the offer under review
     * @param year the contract year it falls into; absent outside the contract
     */
    record Charge(
            String source,
            String chargeId,
            String productId,
            String productType,
            LocalDate date,
            String amount,
            String currencyCode,
            @Nullable Integer year,
            boolean counts,
            boolean planned) {}

    record Forecast_(String commitmentId, String name, List<ForecastYear> years, List<Charge> charges) {

        static Forecast_ of(io.offerdesk.commitments.internal.Commitment c, Forecast.Result result) {
            return new Forecast_(
                    c.id(),
                    c.terms().name(),
                    result.years().stream()
                            .map(y -> new ForecastYear(
                                    y.progress().year().number(),
                                    y.progress().year().start(),
                                    y.progress().year().lastDay(),
                                    amount(y.progress().year().cap()),
                                    amount(y.progress().eligible()),
                                    amount(y.progress().counted()),
                                    amount(y.scheduledEligible()),
                                    amount(y.scheduledExcluded()),
                                    amount(y.plannedEligible()),
                                    amount(y.plannedExcluded()),
                                    amount(y.projectedCounted()),
                                    amount(y.projectedHeadroom())))
                            .toList(),
                    result.charges().stream()
                            .map(p -> new Charge(
                                    p.charge().source(),
                                    p.charge().chargeId(),
                                    p.charge().productId(),
                                    p.charge().productType().name(),
                                    p.charge().date(),
                                    amount(p.charge().amount()),
                                    p.charge().amount().getCurrencyUnit().getCode(),
                                    p.year(),
                                    p.counts(),
                                    p.planned()))
                            .toList());
        }
    }

    record Plan(String offerId, String productId, List<Forecast_> commitments) {}

    record Share(UUID sellerPartyId, String sellerName, String sellerKind, Instant sharedAt, String sharedBy) {

        static Share of(HeadroomSharing.Share s) {
            return new Share(
                    s.seller().id(), s.seller().name(), s.seller().kind().name(), s.sharedAt(), s.sharedBy());
        }
    }

    record Shares(List<Share> items) {}

    /** @param seller the seller's or channel partner's party id, or its exact name */
    record ShareRequest(@Nullable String seller) {}

    record HeadroomYear(
            String commitmentName,
            int year,
            LocalDate start,
            LocalDate lastDay,
            String currencyCode,
            String cap,
            String counted,
            String headroom) {}

    record Headroom(UUID buyerPartyId, String buyerName, Instant sharedAt, List<HeadroomYear> years) {

        static Headroom of(HeadroomSharing.Headroom h) {
            return new Headroom(
                    h.buyer().id(),
                    h.buyer().name(),
                    h.sharedAt(),
                    h.years().stream()
                            .map(y -> new HeadroomYear(
                                    y.commitmentName(),
                                    y.year().number(),
                                    y.year().start(),
                                    y.year().lastDay(),
                                    y.year().cap().getCurrencyUnit().getCode(),
                                    amount(y.year().cap()),
                                    amount(y.year().counted()),
                                    amount(y.year().headroom())))
                            .toList());
        }
    }

    record Headrooms(List<Headroom> items) {}

    record Eligibility(
            String productId,
            String title,
            String productType,
            UUID sellerPartyId,
            boolean eligible,
            @Nullable String note,
            @Nullable Instant changedAt,
            @Nullable String changedBy) {

        static Eligibility of(ProductEligibility.Entry e) {
            return new Eligibility(
                    e.product().id().value(),
                    e.product().title(),
                    e.product().type().name(),
                    e.product().sellerPartyId(),
                    e.eligible(),
                    e.note(),
                    e.changedAt(),
                    e.changedBy());
        }
    }

    record EligibilityPage(
            List<Eligibility> items, @Nullable String next) {}

    record EligibilityRequest(
            @Nullable Boolean eligible, @Nullable String note) {}

    /** A commitment's terms with the version the caller read, which the change is refused without a match. */
    record Change(
            @Nullable String name,
            @Nullable String currencyCode,
            @Nullable LocalDate startDate,
            @Nullable List<String> yearlyCommitments,
            java.math.@Nullable BigDecimal shareCapPercent,
            @Nullable List<String> excludedProductTypes,
            @Nullable List<Integer> milestones,
            @Nullable Long version) {

        io.offerdesk.commitments.internal.domain.CommitmentTerms.Draft draft() {
            return new io.offerdesk.commitments.internal.domain.CommitmentTerms.Draft(
                    name,
                    currencyCode,
                    startDate,
                    yearlyCommitments,
                    shareCapPercent,
                    excludedProductTypes,
                    milestones);
        }
    }
}
