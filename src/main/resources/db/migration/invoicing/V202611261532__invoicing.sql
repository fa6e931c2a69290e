CREATE SCHEMA IF NOT EXISTS invoicing;

-- A charge of an agreement that fell due, taken in from agreements in the transaction that made it due, so that a
-- charge is billed exactly when it is due and a cancelled one never is. An invoicing run puts it on an invoice.
CREATE TABLE invoicing.charge (
    agreement_id             varchar(30)  NOT NULL,
    charge_id                varchar(40)  NOT NULL,
    revision                 integer      NOT NULL CHECK (revision >= 1),
    offer_id                 varchar(30)  NOT NULL,
    product_id               varchar(50)  NOT NULL,
    -- The seller of record: the proposer (the channel partner of a resold offer).
    seller_party_id          uuid         NOT NULL,
    -- The product's owner (ISV); the seller itself for a direct offer.
    publisher_party_id       uuid         NOT NULL,
    buyer_party_id           uuid         NOT NULL,
    buyer_account_id         varchar(12)  NOT NULL,
    currency                 char(3)      NOT NULL,
    amount_minor             bigint       NOT NULL CHECK (amount_minor >= 0),
    -- For a resold offer, the ISV's part of the amount; the partner keeps the rest.
    wholesale_minor          bigint       CHECK (wholesale_minor BETWEEN 0 AND amount_minor),
    timing                   varchar(20)  NOT NULL,
    due_at                   timestamptz  NOT NULL,
    purchase_order_reference varchar(100),
    net_payment_days         integer      CHECK (net_payment_days > 0),
    invoice_id               varchar(30),
    PRIMARY KEY (agreement_id, charge_id)
);
CREATE INDEX charge_waiting ON invoicing.charge (due_at) WHERE invoice_id IS NULL;

-- Invoices and credit memos. Numbers run per invoicing entity without gaps.
CREATE TABLE invoicing.invoice (
    id                  varchar(30)  PRIMARY KEY,
    invoice_type        varchar(12)  NOT NULL CHECK (invoice_type IN ('INVOICE', 'CREDIT_MEMO')),
    invoicing_entity    varchar(100) NOT NULL,
    number              bigint       NOT NULL CHECK (number >= 1),
    buyer_party_id      uuid         NOT NULL,
    buyer_account_id    varchar(12)  NOT NULL,
    seller_party_id     uuid         NOT NULL,
    currency            char(3)      NOT NULL,
    invoice_date        date         NOT NULL,
    issued_at           timestamptz  NOT NULL,
    due_date            date         NOT NULL,
    subtotal_minor      bigint       NOT NULL,
    tax_minor           bigint       NOT NULL,
    total_minor         bigint       NOT NULL CHECK (total_minor = subtotal_minor + tax_minor),
    tax_country         char(2),
    tax_rate            numeric(7, 4),
    original_invoice_id varchar(30)  REFERENCES invoicing.invoice (id),
    UNIQUE (invoicing_entity, number)
);
CREATE INDEX invoice_buyer ON invoicing.invoice (buyer_party_id, invoice_date DESC, id);
CREATE INDEX invoice_seller ON invoicing.invoice (seller_party_id, invoice_date DESC, id);

CREATE TABLE invoicing.invoice_line (
    invoice_id               varchar(30)  NOT NULL REFERENCES invoicing.invoice (id),
    line_no                  integer      NOT NULL CHECK (line_no >= 1),
    agreement_id             varchar(30)  NOT NULL,
    charge_id                varchar(40),
    offer_id                 varchar(30)  NOT NULL,
    product_id               varchar(50)  NOT NULL,
    publisher_party_id       uuid         NOT NULL,
    description              varchar(300) NOT NULL,
    amount_minor             bigint       NOT NULL,
    wholesale_minor          bigint,
    tax_minor                bigint       NOT NULL,
    purchase_order_reference varchar(100),
    PRIMARY KEY (invoice_id, line_no)
);
-- Exactly once: a charge is on one invoice line, whatever runs, reruns or crashes happen.
CREATE UNIQUE INDEX invoice_line_charge ON invoicing.invoice_line (agreement_id, charge_id) WHERE charge_id IS NOT NULL;
CREATE INDEX invoice_line_agreement ON invoicing.invoice_line (agreement_id, invoice_id);

-- The next number per invoicing entity: one row each, locked only for as long as a run numbers a batch.
CREATE TABLE invoicing.number_sequence (
    invoicing_entity varchar(100) PRIMARY KEY,
    next_number      bigint       NOT NULL CHECK (next_number >= 1)
);

-- What became of an issued invoice since: payments applied, credit memos against it and money refunded. Written by
-- collections and billing adjustments (one row per invoice, inserted with the invoice); the invoice itself never
-- changes. The open amount is what the buyer still owes.
CREATE TABLE invoicing.invoice_balance (
    invoice_id     varchar(30) PRIMARY KEY REFERENCES invoicing.invoice (id),
    total_minor    bigint      NOT NULL CHECK (total_minor >= 0),
    paid_minor     bigint      NOT NULL DEFAULT 0 CHECK (paid_minor >= 0),
    credited_minor bigint      NOT NULL DEFAULT 0 CHECK (credited_minor BETWEEN 0 AND total_minor),
    refunded_minor bigint      NOT NULL DEFAULT 0 CHECK (refunded_minor BETWEEN 0 AND paid_minor),
    open_minor     bigint      GENERATED ALWAYS AS (total_minor - credited_minor - paid_minor + refunded_minor) STORED
                               CHECK (open_minor >= 0),
    settled_at     timestamptz
);
CREATE INDEX invoice_balance_open ON invoicing.invoice_balance (invoice_id) WHERE open_minor > 0;
