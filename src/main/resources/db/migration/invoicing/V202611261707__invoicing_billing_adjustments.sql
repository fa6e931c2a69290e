-- Sellers' billing adjustment requests (AWS's BatchCreateBillingAdjustmentRequest): a refund asked for against an
-- invoice, completed by a credit memo (an invoicing.invoice row of type CREDIT_MEMO) or failed with a message.
CREATE TABLE invoicing.billing_adjustment_request (
    id                  varchar(30)  PRIMARY KEY,
    -- The seller of record of the invoice, who asked; a client token is the seller's own and unique per seller.
    seller_party_id     uuid         NOT NULL,
    client_token        varchar(64)  NOT NULL,
    buyer_party_id      uuid         NOT NULL,
    agreement_id        varchar(64)  NOT NULL,
    original_invoice_id varchar(30)  NOT NULL REFERENCES invoicing.invoice (id),
    currency            char(3)      NOT NULL,
    amount_minor        bigint       NOT NULL CHECK (amount_minor > 0),
    reason_code         varchar(40)  NOT NULL,
    description         varchar(500),
    status              varchar(20)  NOT NULL CHECK (status IN ('PENDING', 'VALIDATION_FAILED', 'COMPLETED')),
    status_message      varchar(500),
    credit_memo_id      varchar(30)  UNIQUE REFERENCES invoicing.invoice (id),
    -- Who asked, kept so that the completion's audited events name them.
    actor_kind          varchar(20)  NOT NULL,
    actor_user_id       uuid,
    actor_name          varchar(300) NOT NULL,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    UNIQUE (seller_party_id, client_token),
    CHECK ((status = 'COMPLETED') = (credit_memo_id IS NOT NULL))
);
CREATE INDEX billing_adjustment_request_seller
    ON invoicing.billing_adjustment_request (seller_party_id, created_at DESC, id);
CREATE INDEX billing_adjustment_request_invoice ON invoicing.billing_adjustment_request (original_invoice_id);
-- The completion worker's queue.
CREATE INDEX billing_adjustment_request_pending
    ON invoicing.billing_adjustment_request (created_at, id) WHERE status = 'PENDING';
-- A credit memo's lines keep the line numbers of the original lines they credit; finding a memo's original is
-- frequent (what is left to credit of an invoice).
CREATE INDEX invoice_original ON invoicing.invoice (original_invoice_id) WHERE original_invoice_id IS NOT NULL;
