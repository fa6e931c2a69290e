package io.offerdesk.invoicing.internal.web;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.invoicing.internal.InvoicingSettings;
import io.offerdesk.invoicing.internal.finance.PartyNames;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.joda.money.Money;
import org.joda.money.format.MoneyFormatterBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the finance pages show besides the figures themselves, called from controllers and, as {@code @financeViews},
 * from templates: amounts in the reader's number format, invoice numbers as printed, party and product names, days in
 * UTC.
 */
@Component("financeViews")
class FinanceViews {

    private final PartyNames parties;
    private final CatalogManagement catalog;
    private final InvoicingSettings settings;

    FinanceViews(PartyNames parties, CatalogManagement catalog, InvoicingSettings settings) {
        this.parties = parties;
        this.catalog = catalog;
        this.settings = settings;
    }

    /** An amount with its currency code, in the reader's number format with the currency's decimals. */
    public String money(Money amount) {
        return new MoneyFormatterBuilder()
                .appendCurrencyCode()
                .appendLiteral(" ")
                .appendAmountLocalized()
                .toFormatter(LocaleContextHolder.getLocale())
                .print(amount);
    }

    /** The invoice number as the invoice document prints it. */
    public String number(long number) {
        return settings.displayNumber(number);
    }

    /** A tax rate in percent without trailing zeros: {@code 19}, {@code 7.5}. */
    public String percent(BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString();
    }

    /** The UTC day of an instant. */
    public LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Parties by id, each looked up once; an unknown one is shown by its id. */
    Map<UUID, String> partyNames(Collection<UUID> ids) {
        var lookup = parties.lookup();
        var names = new HashMap<UUID, String>();
        ids.forEach(id -> names.put(id, lookup.apply(id)));
        return names;
    }

    /** Product titles by id, each looked up once; a deleted product is shown by its id. */
    Map<String, String> productTitles(Collection<String> ids) {
        var titles = new HashMap<String, String>();
        ids.forEach(id -> titles.computeIfAbsent(id, this::productTitle));
        return titles;
    }

    private String productTitle(String productId) {
        return ProductId.parse(productId)
                .flatMap(catalog::find)
                .map(Product::title)
                .orElse(productId);
    }

    /** A name or, when there is none, a dash, for templates. */
    public String orDash(@Nullable String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
