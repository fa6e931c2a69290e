package io.offerdesk.disbursement.internal.fees.rest;

import io.offerdesk.disbursement.AgreementFee;
import io.offerdesk.disbursement.internal.fees.FeeSchedules;
import io.offerdesk.disbursement.internal.fees.domain.FeeRules;
import io.offerdesk.disbursement.internal.fees.domain.FeeSchedule;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The listing-fee schedule (reference §6.1) and the fee each agreement took from it at acceptance. */
@RestController
@Tag(
        name = "Listing fees",
        description = "The effective-dated listing-fee schedule (the operator edits it) and agreements' fees")
class ListingFeesApi {

    /** A version as the API shows it; rates are percents, thresholds total contract values, all as decimal strings. */
    record ScheduleJson(
            String id,
            Instant effectiveFrom,
            String lowerThreshold,
            String upperThreshold,
            String privateBelowLowerPercent,
            String privateBelowUpperPercent,
            String privateFromUpperPercent,
            String renewalPercent,
            String cppoUpliftPercent,
            String professionalServicesPercent,
            Map<String, String> publicPercents,
            Instant createdAt,
            String createdBy) {

        static ScheduleJson of(FeeSchedule s) {
            var publicPercents = new TreeMap<String, String>();
            s.publicRates().forEach((type, rate) -> publicPercents.put(type, rate.toPlainString()));
            return new ScheduleJson(
                    s.id(),
                    s.effectiveFrom(),
                    s.lowerThreshold().toPlainString(),
                    s.upperThreshold().toPlainString(),
                    s.privateBelowLower().toPlainString(),
                    s.privateBelowUpper().toPlainString(),
                    s.privateFromUpper().toPlainString(),
                    s.renewal().toPlainString(),
                    s.cppoUplift().toPlainString(),
                    s.professionalServices().toPlainString(),
                    publicPercents,
                    s.createdAt(),
                    s.createdBy());
        }
    }

    record SchedulesJson(List<ScheduleJson> items) {}

    /** @param ratePercent what is charged on the ISV's share of every collection: base plus CPPO uplift */
    record AgreementFeeJson(
            String agreementId,
            String scheduleId,
            String basis,
            String baseRatePercent,
            String cppoUpliftPercent,
            String ratePercent,
            String contractValue,
            String currencyCode,
            boolean resale,
            UUID sellerPartyId,
            UUID publisherPartyId,
            Instant fixedAt) {

        static AgreementFeeJson of(AgreementFee fee) {
            return new AgreementFeeJson(
                    fee.agreementId(),
                    fee.scheduleId(),
                    fee.basis().name(),
                    fee.baseRatePercent().toPlainString(),
                    fee.cppoUpliftPercent().toPlainString(),
                    fee.ratePercent().toPlainString(),
                    fee.contractValue().toPlainString(),
                    fee.currencyCode(),
                    fee.resale(),
                    fee.sellerPartyId(),
                    fee.publisherPartyId(),
                    fee.fixedAt());
        }
    }

    private final FeeSchedules schedules;

    ListingFeesApi(FeeSchedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping("/api/v1/listing-fees/schedules")
    @Operation(summary = "Every version of the listing-fee schedule, the latest effective first")
    SchedulesJson versions() {
        return new SchedulesJson(
                schedules.versions().stream().map(ScheduleJson::of).toList());
    }

    @GetMapping("/api/v1/listing-fees/schedules/current")
    @Operation(summary = "The version of the listing-fee schedule in force now")
    ScheduleJson current() {
        return ScheduleJson.of(schedules.inForce());
    }

    @GetMapping("/api/v1/listing-fees/schedules/{id}")
    @Operation(summary = "One version of the listing-fee schedule")
    ScheduleJson version(@PathVariable String id) {
        return ScheduleJson.of(schedules.version(id));
    }

    @PostMapping("/api/v1/listing-fees/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Operator: add a version taking effect from effectiveFrom (now or later); agreements accepted"
                    + " from then on take their fee from it")
    ScheduleJson add(OfferdeskPrincipal me, @RequestBody FeeRules.Draft body) {
        return ScheduleJson.of(schedules.add(me, body));
    }

    @DeleteMapping("/api/v1/listing-fees/schedules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Operator: withdraw a version that has not taken effect yet")
    void withdraw(OfferdeskPrincipal me, @PathVariable String id) {
        schedules.withdraw(me, id);
    }

    @GetMapping("/api/v1/listing-fees/agreements/{agreementId}")
    @Operation(summary = "The listing fee fixed for an agreement at acceptance (its seller of record, ISV, operator)")
    AgreementFeeJson agreementFee(OfferdeskPrincipal me, @PathVariable String agreementId) {
        return AgreementFeeJson.of(schedules.agreementFee(me, agreementId));
    }
}
