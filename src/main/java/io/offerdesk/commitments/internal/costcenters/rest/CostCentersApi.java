package io.offerdesk.commitments.internal.costcenters.rest;

import io.offerdesk.commitments.CostCenter;
import io.offerdesk.commitments.CostCenterAssignment;
import io.offerdesk.commitments.CostCenterTagMapping;
import io.offerdesk.commitments.CostCenters;
import io.offerdesk.commitments.internal.costcenters.ChargebackExport;
import io.offerdesk.commitments.internal.costcenters.Months;
import io.offerdesk.commitments.internal.costcenters.domain.Chargeback;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A buyer organization's cost centers, their agreement assignments and allocation tag mappings, and the monthly
 * chargeback (JSON and CSV). Finance users and the marketplace administrator write; every user of the organization
 * reads. Another organization's cost centers and agreements are not found (404).
 */
@RestController
@Tag(name = "Cost centers", description = "Buyer cost centers and the monthly chargeback")
class CostCentersApi {

    record CostCenterBody(@Nullable String code, @Nullable String name) {}

    record AssignmentBody(@Nullable String costCenterId) {}

    record TagMappingBody(
            @Nullable String key,
            @Nullable String value,
            @Nullable String costCenterId) {}

    /** A cost center's sums in one currency; {@code costCenterId} absent for what no cost center was assigned. */
    record TotalJson(
            @Nullable String costCenterId,
            @Nullable String code,
            @Nullable String name,
            String currencyCode,
            String byAgreement,
            String allocatedUsage,
            String tax,
            String total) {}

    record LineJson(
            String invoiceId,
            String invoiceNumber,
            int lineNo,
            String agreementId,
            String productId,
            String description,
            Map<String, String> allocationTags,
            String currencyCode,
            String amount,
            String tax,
            String total,
            @Nullable String costCenterId,
            String basis) {}

    /**
     * The month's chargeback.
     *
     * @param invoiceTotals per currency, the month's invoice totals less its credit memos': what the cost centers'
     *     totals add up to
     */
    record ChargebackJson(
            YearMonth month, List<TotalJson> totals, Map<String, String> invoiceTotals, List<LineJson> lines) {}

    private final CostCenters costCenters;
    private final Months months;

    CostCentersApi(CostCenters costCenters, Months months) {
        this.costCenters = costCenters;
        this.months = months;
    }

    @GetMapping("/api/v1/buyer/cost-centers")
    @Operation(summary = "The organization's cost centers, by code")
    List<CostCenter> list(OfferdeskPrincipal me) {
        return costCenters.costCenters(me);
    }

    @PostMapping("/api/v1/buyer/cost-centers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define a cost center (buyer finance or marketplace administrator)")
    CostCenter define(OfferdeskPrincipal me, @RequestBody CostCenterBody body) {
        return costCenters.define(me, body.code(), body.name());
    }

    @GetMapping("/api/v1/buyer/cost-centers/{costCenterId}")
    CostCenter one(OfferdeskPrincipal me, @PathVariable String costCenterId) {
        return costCenters.costCenter(me, costCenterId);
    }

    @PutMapping("/api/v1/buyer/cost-centers/{costCenterId}")
    @Operation(summary = "Change a cost center's code and name")
    CostCenter rename(OfferdeskPrincipal me, @PathVariable String costCenterId, @RequestBody CostCenterBody body) {
        return costCenters.rename(me, costCenterId, body.code(), body.name());
    }

    @GetMapping("/api/v1/buyer/cost-centers/assignments")
    @Operation(summary = "Which cost center each assigned agreement is charged back to")
    List<CostCenterAssignment> assignments(OfferdeskPrincipal me) {
        return costCenters.assignments(me);
    }

    @PutMapping("/api/v1/buyer/cost-centers/assignments/{agreementId}")
    @Operation(summary = "Charge an agreement back to a cost center; costCenterId null: to none")
    CostCenterAssignment assign(
            OfferdeskPrincipal me, @PathVariable String agreementId, @RequestBody AssignmentBody body) {
        return costCenters.assign(me, agreementId, body.costCenterId());
    }

    @GetMapping("/api/v1/buyer/cost-centers/tag-mappings")
    @Operation(summary = "Which cost center usage with each allocation tag key=value is charged back to")
    List<CostCenterTagMapping> tagMappings(OfferdeskPrincipal me) {
        return costCenters.tagMappings(me);
    }

    @PutMapping("/api/v1/buyer/cost-centers/tag-mappings")
    @Operation(summary = "Map an allocation tag key=value to a cost center; costCenterId null removes the mapping")
    CostCenterTagMapping mapTag(OfferdeskPrincipal me, @RequestBody TagMappingBody body) {
        return costCenters.mapTag(me, body.key(), body.value(), body.costCenterId());
    }

    @GetMapping("/api/v1/buyer/chargeback")
    @Operation(
            summary = "The month's chargeback (month=YYYY-MM, default this month): every invoice line with its cost"
                    + " center, and totals per cost center that add up to the month's invoice totals")
    ChargebackJson chargeback(OfferdeskPrincipal me, @RequestParam(required = false) @Nullable String month) {
        var report = costCenters.chargeback(me, months.parse(month));
        var byId = costCenters.costCenters(me).stream().collect(Collectors.toMap(CostCenter::id, Function.identity()));
        var invoiceTotals = new TreeMap<String, String>();
        report.totals().stream()
                .map(t -> t.currency())
                .distinct()
                .forEach(c -> invoiceTotals.put(
                        c.getCode(), report.total(c).getAmount().toPlainString()));
        return new ChargebackJson(
                report.month(),
                report.totals().stream()
                        .map(t -> {
                            var costCenter = t.costCenterId() == null ? null : byId.get(t.costCenterId());
                            return new TotalJson(
                                    t.costCenterId(),
                                    costCenter == null ? null : costCenter.code(),
                                    costCenter == null ? null : costCenter.name(),
                                    t.currency().getCode(),
                                    t.byAgreement().getAmount().toPlainString(),
                                    t.allocatedUsage().getAmount().toPlainString(),
                                    t.tax().getAmount().toPlainString(),
                                    t.total().getAmount().toPlainString());
                        })
                        .toList(),
                invoiceTotals,
                report.lines().stream().map(CostCentersApi::line).toList());
    }

    @GetMapping(value = "/api/v1/buyer/chargeback.csv", produces = "text/csv")
    @Operation(summary = "The month's chargeback as CSV: one record per invoice line, then the totals")
    void chargebackCsv(
            OfferdeskPrincipal me, @RequestParam(required = false) @Nullable String month, HttpServletResponse response)
            throws IOException {
        ChargebackExport.write(costCenters.chargeback(me, months.parse(month)), costCenters.costCenters(me), response);
    }

    private static LineJson line(Chargeback.Allocated allocated) {
        var line = allocated.line();
        return new LineJson(
                line.invoiceId(),
                line.invoiceNumber(),
                line.lineNo(),
                line.agreementId(),
                line.productId(),
                line.description(),
                line.allocationTags(),
                line.amount().getCurrencyUnit().getCode(),
                line.amount().getAmount().toPlainString(),
                line.tax().getAmount().toPlainString(),
                line.total().getAmount().toPlainString(),
                allocated.costCenterId(),
                allocated.basis().name());
    }
}
