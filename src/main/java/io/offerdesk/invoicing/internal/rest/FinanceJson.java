package io.offerdesk.invoicing.internal.rest;

import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceLine;
import io.offerdesk.invoicing.InvoiceStatus;
import io.offerdesk.invoicing.internal.domain.Receivables;
import io.offerdesk.invoicing.internal.finance.InvoiceSummary;
import io.offerdesk.invoicing.internal.finance.LineItemGroup;
import io.offerdesk.invoicing.internal.finance.RevenueFigures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Invoices, their line item groups and revenue figures in the native API. Amounts are decimal strings next to their
 * currency, as AWS writes them; names follow the agreement API where it has one (ListAgreementInvoiceLineItems).
 */
final class FinanceJson {

    private FinanceJson() {}

    /** A party by id and name: the seller of record, the buyer. */
    record PartyJson(UUID partyId, String name) {}

    /** AWS's {@code InvoicingEntity}; the marketplace has no branches. */
    record InvoicingEntityJson(String legalName, @Nullable String branchName) {}

    /** The tax on an invoice: the buyer country's rate in percent when it was issued, absent when none applied. */
    record TaxJson(
            String amount,
            @Nullable String country,
            @Nullable String ratePercent) {}

    /**
     * An invoice or credit memo with its balance today.
     *
     * @param status absent for a credit memo
     * @param originalInvoiceId for a credit memo, the invoice it gives money back against
     */
    record InvoiceJson(
            String invoiceId,
            String invoiceNumber,
            String invoiceType,
            @Nullable InvoiceStatus status,
            InvoicingEntityJson invoicingEntity,
            String buyerAccountId,
            PartyJson buyer,
            PartyJson sellerOfRecord,
            LocalDate invoiceDate,
            Instant issuedTime,
            LocalDate dueDate,
            String currencyCode,
            String subtotal,
            TaxJson tax,
            String total,
            String paid,
            String credited,
            String refunded,
            String open,
            @Nullable String originalInvoiceId) {

        static InvoiceJson of(
                InvoiceSummary invoice,
                @Nullable InvoiceStatus status,
                LongFunction<String> numbers,
                Function<UUID, String> names) {
            return new InvoiceJson(
                    invoice.id(),
                    numbers.apply(invoice.number()),
                    invoice.type().name(),
                    status,
                    new InvoicingEntityJson(invoice.invoicingEntity(), null),
                    invoice.buyerAccountId(),
                    new PartyJson(invoice.buyerPartyId(), names.apply(invoice.buyerPartyId())),
                    new PartyJson(invoice.sellerPartyId(), names.apply(invoice.sellerPartyId())),
                    invoice.invoiceDate(),
                    invoice.issuedAt(),
                    invoice.dueDate(),
                    invoice.total().getCurrencyUnit().getCode(),
                    decimal(invoice.subtotal()),
                    new TaxJson(decimal(invoice.tax()), invoice.taxCountry(), percent(invoice.taxRate())),
                    decimal(invoice.total()),
                    decimal(invoice.paid()),
                    decimal(invoice.credited()),
                    decimal(invoice.refunded()),
                    decimal(invoice.open()),
                    invoice.originalInvoiceId());
        }
    }

    record InvoicePageJson(List<InvoiceJson> invoices, boolean more) {}

    /**
     * One line of an invoice.
     *
     * @param wholesaleAmount the ISV's part of a resold line, for the seller of record and the operator; never shown
     *     to the buyer
     * @param allocationTags a usage line's allocation tags (key to value), for the buyer's cost allocation; empty on
     *     other lines
     */
    record LineJson(
            int lineNo,
            String agreementId,
            @Nullable String chargeId,
            String offerId,
            String productId,
            String description,
            @Nullable String purchaseOrderReference,
            String amount,
            String tax,
            @Nullable String wholesaleAmount,
            Map<String, String> allocationTags) {

        static LineJson of(InvoiceLine line, boolean withWholesale) {
            var wholesale = line.wholesaleAmount();
            return new LineJson(
                    line.lineNo(),
                    line.agreementId(),
                    line.chargeId(),
                    line.offerId(),
                    line.productId(),
                    line.description(),
                    line.purchaseOrderReference(),
                    decimal(line.amount()),
                    decimal(line.tax()),
                    withWholesale && wholesale != null ? decimal(wholesale) : null,
                    line.allocationTags());
        }
    }

    /** One invoice with its lines and the credit memos issued against it. */
    record InvoiceDetailJson(InvoiceJson invoice, List<LineJson> lines, List<String> creditMemoIds) {

        static InvoiceDetailJson of(
                InvoiceJson header, Invoice invoice, boolean withWholesale, List<String> creditMemoIds) {
            return new InvoiceDetailJson(
                    header,
                    invoice.lines().stream()
                            .map(line -> LineJson.of(line, withWholesale))
                            .toList(),
                    creditMemoIds);
        }
    }

    /** AWS's {@code PricingCurrencyAmount}. */
    record PricingCurrencyAmountJson(String amount, String maxAdjustmentAmount, String currencyCode) {}

    /** AWS's {@code InvoiceBillingPeriod}. */
    record InvoiceBillingPeriodJson(int month, int year) {}

    /** AWS's {@code AgreementInvoiceLineItemGroupSummary}. */
    record LineItemGroupJson(
            String agreementId,
            String invoiceId,
            PricingCurrencyAmountJson pricingCurrencyAmount,
            InvoiceBillingPeriodJson invoiceBillingPeriod,
            Instant issuedTime,
            String invoiceType,
            InvoicingEntityJson invoicingEntity,
            @Nullable ListingFeeJson listingFee) {

        static LineItemGroupJson of(LineItemGroup group) {
            var fee = group.listingFee();
            return new LineItemGroupJson(
                    group.agreementId(),
                    group.invoiceId(),
                    new PricingCurrencyAmountJson(
                            decimal(group.amount()),
                            decimal(group.maxAdjustmentAmount()),
                            group.amount().getCurrencyUnit().getCode()),
                    new InvoiceBillingPeriodJson(
                            group.billingPeriod().getMonthValue(),
                            group.billingPeriod().getYear()),
                    group.issuedTime(),
                    group.invoiceType().name(),
                    new InvoicingEntityJson(group.invoicingEntity(), null),
                    fee == null ? null : new ListingFeeJson(fee.ratePercent().toPlainString(), decimal(fee.amount())));
        }
    }

    /**
     * Offerdesk's addition for the seller of record and the ISV: the listing fee on the group's lines (ADR 0019).
     *
     * @param ratePercent the rate fixed at acceptance
     * @param amount the fee on the ISV's share of the lines once collected in full
     */
    record ListingFeeJson(String ratePercent, String amount) {}

    /** ListAgreementInvoiceLineItems' answer, with {@code more} for the native API's paging. */
    record LineItemGroupsJson(List<LineItemGroupJson> agreementInvoiceLineItemGroupSummaries, boolean more) {}

    /** One month of billed revenue and receivables, amounts including tax. */
    record RevenueMonthJson(
            String month, String billed, String credited, String collected, String openAtEnd, String resoldWholesale) {

        static RevenueMonthJson of(Receivables.Month month) {
            return new RevenueMonthJson(
                    month.month().toString(),
                    decimal(month.billed()),
                    decimal(month.credited()),
                    decimal(month.collected()),
                    decimal(month.openAtEnd()),
                    decimal(month.resoldWholesale()));
        }
    }

    /**
     * One currency's figures.
     *
     * @param aging what is open today by days past due: CURRENT, DAYS_1_30, DAYS_31_60, DAYS_61_90, OVER_90
     * @param open what is open today
     */
    record CurrencyRevenueJson(
            String currencyCode, List<RevenueMonthJson> months, Map<String, String> aging, String open) {

        static CurrencyRevenueJson of(RevenueFigures.Report report) {
            var aging = new LinkedHashMap<String, String>();
            report.aging().forEach((bucket, amount) -> aging.put(bucket.name(), decimal(amount)));
            return new CurrencyRevenueJson(
                    report.currency().getCode(),
                    report.months().stream().map(RevenueMonthJson::of).toList(),
                    aging,
                    decimal(report.open()));
        }
    }

    record RevenueJson(String from, String to, List<CurrencyRevenueJson> currencies) {}

    static String decimal(Money money) {
        return money.getAmount().toPlainString();
    }

    static @Nullable String percent(@Nullable BigDecimal rate) {
        return rate == null ? null : rate.stripTrailingZeros().toPlainString();
    }
}
