package io.offerdesk.gtm.internal.bulk.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a bulk offer file, one row per private offer. Values go to the change set as written: the engine checks
 * every one of them and names what it rejects, so this list only says where each value goes. Lists inside a cell are
 * separated by {@code ;}, pairs written {@code key=value}.
 */
public enum BulkColumn {
    PRODUCT_ID("product_id", true, "prod-abc123def456g"),
    OFFER_NAME("offer_name", true, "Acme Insights for Globex"),
    DESCRIPTION("description", false, "Three-year deal"),
    BUYER_ACCOUNTS("buyer_accounts", true, "400000000001;400000000002"),
    EXPIRY_DATE("expiry_date", true, "2026-12-31"),
    DURATION("duration", true, "P12M"),
    PRICING_MODEL("pricing_model", false, "Contract"),
    CURRENCY("currency", false, "USD"),
    CONTRACT_PRICE("contract_price", false, "0.00"),
    GRANTS("grants", false, "analysts=10"),
    DIMENSION_PRICES("dimension_prices", false, ""),
    PAYMENT_SCHEDULE("payment_schedule", false, "2027-01-15=6000.00;2027-07-15=6000.00"),
    EULA("eula", false, "standard"),
    EULA_VERSION("eula_version", false, ""),
    REFUND_POLICY("refund_policy", false, "Refunds within 30 days.");

    private final String header;
    private final boolean required;
    private final String example;

    BulkColumn(String header, boolean required, String example) {
        this.header = header;
        this.required = required;
        this.example = example;
    }

    /** The name in the file's header row. */
    public String header() {
        return header;
    }

    /** A file must have the column (its cells may still be empty, for the engine to name as missing). */
    public boolean required() {
        return required;
    }

    /** The value of the template's example row. */
    public String example() {
        return example;
    }

    public static List<String> headers() {
        return Arrays.stream(values()).map(BulkColumn::header).toList();
    }

    public static Optional<BulkColumn> byHeader(String header) {
        return Arrays.stream(values()).filter(c -> c.header.equals(header)).findFirst();
    }
}
