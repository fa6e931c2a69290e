package io.offerdesk.ledger;

/**
 * What a ledger account holds for its owner. Debit-normal roles (assets of the marketplace) grow with debits, the
 * others with credits; {@link AccountBalance#net()} is always debits minus credits.
 */
public enum AccountRole {
    /** What a buyer owes on issued invoices (debit-normal). */
    BUYER_RECEIVABLE,
    /** What the marketplace owes a buyer: over-payments and credit memos not yet applied or refunded. */
    BUYER_CREDIT,
    /** Money the marketplace holds: buyer payments in, refunds and disbursements out (debit-normal). */
    MARKETPLACE_CASH,
    /** Billed to buyers and not yet collected: no seller or partner is owed it before collection. */
    MARKETPLACE_CLEARING,
    /** Tax billed to buyers, owed to the tax authority. */
    TAX_PAYABLE,
    /** Collected money owed to a seller (ISV). */
    SELLER_PAYABLE,
    /** Collected money owed to a channel partner. */
    PARTNER_PAYABLE,
    /** The marketplace's listing fees. */
    FEE_REVENUE,
    /** Refunds owed to buyers and not yet paid out. */
    REFUNDS_PAYABLE
}
