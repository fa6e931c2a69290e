package io.offerdesk.invoicing.internal.web;

/** Where the finance pages are. */
final class FinancePaths {

    static final String BUYER_INVOICES = "/buyer/invoices";
    static final String SELLER_INVOICES = "/seller/invoices";
    static final String REVENUE = "/seller/revenue";

    private FinancePaths() {}
}
