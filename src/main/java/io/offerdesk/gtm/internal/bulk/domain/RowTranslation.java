package io.offerdesk.gtm.internal.bulk.domain;

import io.offerdesk.changesets.StartChangeSet.RequestedChange;
import io.offerdesk.gtm.BulkOfferError;
import io.offerdesk.offers.EulaDocument;
import io.offerdesk.offers.Offer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one row of a bulk file into the changes of one change set that creates the offer, as the offer composer would
 * send them. Cells go into the DetailsDocuments as written and empty cells are left out: the change-set engine checks
 * every value and names the member it rejects, which {@link #columnsOf} maps back to the row's columns. The only errors
 * found here are cells whose list syntax cannot be read.
 */
public final class RowTranslation {

    /** The change name of the offer the row creates; later changes refer to it. */
    public static final String OFFER = "BulkOffer";

    /** One change and the columns it was built from. */
    public record BuiltChange(RequestedChange change, List<BulkColumn> columns) {
        public BuiltChange {
            columns = List.copyOf(columns);
        }
    }

    /** The changes, or the errors of the cells that could not be read (then no changes). */
    public record Translated(List<BuiltChange> changes, List<BulkOfferError> errors) {
        public Translated {
            changes = List.copyOf(changes);
            errors = List.copyOf(errors);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String TARGET = "$" + OFFER + ".Entity.Identifier";
    private static final String STANDARD = "standard";

    private RowTranslation() {}

    /**
     * @param cells the row's values by column; blank ones may be absent
     * @param standardVersion the standard contract version a row without {@code eula_version} gets
     */
    public static Translated translate(Map<BulkColumn, String> cells, String standardVersion) {
        var errors = new ArrayList<BulkOfferError>();
        var changes = new ArrayList<BuiltChange>();

        var create = NODES.objectNode();
        put(create, "ProductId", cells, BulkColumn.PRODUCT_ID);
        changes.add(new BuiltChange(
                new RequestedChange("CreateOffer", Offer.ENTITY_TYPE, null, OFFER, create),
                List.of(BulkColumn.PRODUCT_ID)));

        var information = NODES.objectNode();
        put(information, "Name", cells, BulkColumn.OFFER_NAME);
        put(information, "Description", cells, BulkColumn.DESCRIPTION);
        changes.add(change("UpdateInformation", information, BulkColumn.OFFER_NAME, BulkColumn.DESCRIPTION));

        var targeting = NODES.objectNode();
        var accounts = targeting.putObject("PositiveTargeting").putArray("BuyerAccounts");
        list(cells.get(BulkColumn.BUYER_ACCOUNTS)).forEach(accounts::add);
        changes.add(change("UpdateTargeting", targeting, BulkColumn.BUYER_ACCOUNTS));

        var currency = text(cells.get(BulkColumn.CURRENCY));
        currency = currency == null ? "USD" : currency;
        pricing(cells, currency, errors).ifPresent(changes::add);

        var duration = text(cells.get(BulkColumn.DURATION));
        if (duration != null) {
            var validity = NODES.objectNode();
            var term = validity.putArray("Terms").addObject();
            term.put("Type", "ValidityTerm");
            term.put("AgreementDuration", duration);
            changes.add(change("UpdateValidityTerms", validity, BulkColumn.DURATION));
        }

        var schedule = text(cells.get(BulkColumn.PAYMENT_SCHEDULE));
        if (schedule != null) {
            var details = NODES.objectNode();
            var term = details.putArray("Terms").addObject();
            term.put("Type", "PaymentScheduleTerm");
            term.put("CurrencyCode", currency);
            var installments = term.putArray("Schedule");
            for (var pair : pairs(schedule, BulkColumn.PAYMENT_SCHEDULE, errors)) {
                var installment = installments.addObject();
                installment.put("ChargeDate", pair.key());
                installment.put("ChargeAmount", pair.value());
            }
            changes.add(
                    change("UpdatePaymentScheduleTerms", details, BulkColumn.PAYMENT_SCHEDULE, BulkColumn.CURRENCY));
        }

        changes.add(legal(cells, standardVersion));

        var expiry = NODES.objectNode();
        put(expiry, "AvailabilityEndDate", cells, BulkColumn.EXPIRY_DATE);
        changes.add(change("UpdateAvailability", expiry, BulkColumn.EXPIRY_DATE));

        var refund = text(cells.get(BulkColumn.REFUND_POLICY));
        if (refund != null) {
            var support = NODES.objectNode();
            var term = support.putArray("Terms").addObject();
            term.put("Type", "SupportTerm");
            term.put("RefundPolicy", refund);
            changes.add(change("UpdateSupportTerms", support, BulkColumn.REFUND_POLICY));
        }
        return errors.isEmpty() ? new Translated(changes, List.of()) : new Translated(List.of(), errors);
    }

    /** The change that releases the offer the row's changes create. */
    public static RequestedChange release() {
        return new RequestedChange("ReleaseOffer", Offer.ENTITY_TYPE, TARGET, null, NODES.objectNode());
    }

    /** The column names of a change, as errors name them; empty for the release. */
    public static String columnsOf(List<BulkColumn> columns) {
        return columns.stream().map(BulkColumn::header).collect(Collectors.joining("+"));
    }

    private static java.util.Optional<BuiltChange> pricing(
            Map<BulkColumn, String> cells, String currency, List<BulkOfferError> errors) {
        var price = text(cells.get(BulkColumn.CONTRACT_PRICE));
        var grants = text(cells.get(BulkColumn.GRANTS));
        var rates = text(cells.get(BulkColumn.DIMENSION_PRICES));
        if (price == null && grants == null && rates == null) {
            return java.util.Optional.empty();
        }
        var model = text(cells.get(BulkColumn.PRICING_MODEL));
        model = model == null ? "Contract" : model;
        var details = NODES.objectNode();
        details.put("PricingModel", model);
        var terms = details.putArray("Terms");
        if (price != null || grants != null) {
            var term = terms.addObject();
            term.put("Type", "FixedUpfrontPricingTerm");
            term.put("CurrencyCode", currency);
            if (price != null) {
                term.put("Price", price);
            }
            var granted = term.putArray("Grants");
            for (var pair : pairs(grants, BulkColumn.GRANTS, errors)) {
                var grant = granted.addObject();
                grant.put("DimensionKey", pair.key());
                putInteger(grant, "MaxQuantity", pair.value());
            }
        }
        if (rates != null) {
            var term = terms.addObject();
            var card = NODES.arrayNode();
            for (var pair : pairs(rates, BulkColumn.DIMENSION_PRICES, errors)) {
                var rate = card.addObject();
                rate.put("DimensionKey", pair.key());
                rate.put("Price", pair.value());
            }
            if (model.equalsIgnoreCase("Usage")) {
                term.put("Type", "UsageBasedPricingTerm");
                term.put("CurrencyCode", currency);
                term.putArray("RateCards").addObject().set("RateCard", card);
            } else {
                // A contract's dimension prices are for the agreement's duration, the one selector AWS offers.
                term.put("Type", "ConfigurableUpfrontPricingTerm");
                term.put("CurrencyCode", currency);
                var rateCard = term.putArray("RateCards").addObject();
                var selector = rateCard.putObject("Selector");
                selector.put("Type", "Duration");
                var duration = text(cells.get(BulkColumn.DURATION));
                selector.put("Value", duration == null ? "" : duration);
                var constraints = rateCard.putObject("Constraints");
                constraints.put("MultipleDimensionSelection", "Allowed");
                constraints.put("QuantityConfiguration", "Allowed");
                rateCard.set("RateCard", card);
            }
        }
        return java.util.Optional.of(change(
                "UpdatePricingTerms",
                details,
                BulkColumn.PRICING_MODEL,
                BulkColumn.CURRENCY,
                BulkColumn.CONTRACT_PRICE,
                BulkColumn.GRANTS,
                BulkColumn.DIMENSION_PRICES));
    }

    private static BuiltChange legal(Map<BulkColumn, String> cells, String standardVersion) {
        var eula = text(cells.get(BulkColumn.EULA));
        var document = NODES.objectNode();
        if (eula == null || eula.equalsIgnoreCase(STANDARD)) {
            var version = text(cells.get(BulkColumn.EULA_VERSION));
            document.put("Type", "StandardEula");
            document.put("Version", version == null ? standardVersion : version);
        } else {
            // Any other value names an uploaded EULA document; the engine checks it is one of the seller's.
            document.put("Type", "CustomEula");
            document.put("Url", eula.startsWith("/") ? eula : EulaDocument.URL_PREFIX + eula);
        }
        var details = NODES.objectNode();
        var term = details.putArray("Terms").addObject();
        term.put("Type", "LegalTerm");
        term.putArray("Documents").add(document);
        return change("UpdateLegalTerms", details, BulkColumn.EULA, BulkColumn.EULA_VERSION);
    }

    private record Pair(String key, String value) {}

    private static List<Pair> pairs(@Nullable String cell, BulkColumn column, List<BulkOfferError> errors) {
        var pairs = new ArrayList<Pair>();
        for (var entry : list(cell)) {
            var at = entry.indexOf('=');
            if (at <= 0) {
                errors.add(new BulkOfferError(
                        column.header(),
                        "bulk.cell.pair",
                        "Write each entry of " + column.header() + " as key=value, separated by ';' (got '" + entry
                                + "')."));
                continue;
            }
            pairs.add(new Pair(
                    entry.substring(0, at).strip(), entry.substring(at + 1).strip()));
        }
        return pairs;
    }

    private static List<String> list(@Nullable String cell) {
        return cell == null
                ? List.of()
                : Arrays.stream(cell.split(";"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static BuiltChange change(String type, JsonNode details, BulkColumn... columns) {
        return new BuiltChange(new RequestedChange(type, Offer.ENTITY_TYPE, TARGET, null, details), List.of(columns));
    }

    private static void put(ObjectNode node, String member, Map<BulkColumn, String> cells, BulkColumn column) {
        var value = text(cells.get(column));
        if (value != null) {
            node.put(member, value);
        }
    }

    /** A whole number as a JSON number; anything else as written, for the engine to reject by name. */
    private static void putInteger(ObjectNode node, String member, String value) {
        try {
            node.put(member, Integer.parseInt(value));
        } catch (NumberFormatException notAnInteger) {
            node.put(member, value);
        }
    }

    private static @Nullable String text(@Nullable String cell) {
        return cell == null || cell.isBlank() ? null : cell.strip();
    }
}
