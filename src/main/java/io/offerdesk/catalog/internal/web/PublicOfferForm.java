package io.offerdesk.catalog.internal.web;

import io.offerdesk.catalog.ListPrice;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductCommands.PriceInput;
import io.offerdesk.catalog.ProductCommands.PublicOfferInput;
import io.offerdesk.platform.FormSubmission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The list-price editor as typed; amounts stay text so a rejected form comes back as sent. */
public record PublicOfferForm(long version, List<String> pricingModels, String freeTrialDays, List<PriceRow> prices) {

    public record PriceRow(String model, String dimensionKey, String durationMonths, String amount) {
        static final PriceRow EMPTY = new PriceRow("", "", "", "");
    }

    static PublicOfferForm of(Product product) {
        var offer = product.publicOffer();
        if (offer == null) {
            return new PublicOfferForm(product.version(), List.of(), "", List.of(PriceRow.EMPTY));
        }
        var rows = offer.prices().stream()
                .map(price -> switch (price) {
                    case ListPrice.Contract c ->
                        new PriceRow(
                                c.model().name(),
                                c.dimensionKey(),
                                String.valueOf(c.durationMonths()),
                                c.price().getAmount().toPlainString());
                    case ListPrice.Usage u ->
                        new PriceRow(
                                u.model().name(),
                                u.dimensionKey(),
                                "",
                                u.pricePerUnit()
                                        .getAmount()
                                        .stripTrailingZeros()
                                        .toPlainString());
                    case ListPrice.Subscription s ->
                        new PriceRow(
                                s.model().name(),
                                s.dimensionKey(),
                                "",
                                s.monthlyPrice().getAmount().toPlainString());
                })
                .toList();
        return new PublicOfferForm(
                product.version(),
                offer.pricingModels().stream().map(Enum::name).toList(),
                offer.freeTrialDays() == null ? "" : String.valueOf(offer.freeTrialDays()),
                rows);
    }

    static PublicOfferForm from(Map<String, String> params, @Nullable List<String> models) {
        var version = FormRows.longValue(params.get("version"));
        return new PublicOfferForm(
                version == null ? 0 : version,
                models == null ? List.of() : List.copyOf(models),
                FormRows.text(params, "freeTrialDays"),
                FormSubmission.rows(params, "prices").stream()
                        .map(r -> new PriceRow(
                                r.getOrDefault("model", ""),
                                r.getOrDefault("dimensionKey", ""),
                                r.getOrDefault("durationMonths", ""),
                                r.getOrDefault("amount", "")))
                        .toList());
    }

    PublicOfferInput toCommand() {
        return new PublicOfferInput(
                version,
                pricingModels.stream()
                        .map(m -> FormRows.enumValue(PricingModel.class, m))
                        .toList(),
                FormRows.integer(freeTrialDays),
                prices.stream()
                        .map(p -> new PriceInput(
                                FormRows.enumValue(PricingModel.class, p.model()),
                                FormRows.orNull(p.dimensionKey()),
                                FormRows.integer(p.durationMonths()),
                                FormRows.orNull(p.amount()),
                                null))
                        .toList());
    }

    /** Whether the form has {@code model} ticked; the page asks. */
    public boolean uses(String model) {
        return pricingModels.contains(model);
    }

    PublicOfferForm withPriceAdded() {
        var rows = new ArrayList<>(prices);
        rows.add(PriceRow.EMPTY);
        return new PublicOfferForm(version, pricingModels, freeTrialDays, rows);
    }

    PublicOfferForm withPriceRemoved(int index) {
        var rows = new ArrayList<>(prices);
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
        return new PublicOfferForm(version, pricingModels, freeTrialDays, rows);
    }

    PublicOfferForm padded() {
        return prices.isEmpty() ? withPriceAdded() : this;
    }
}
