-- Invoicing runs (ADR 0014): how a run finds the charges of one invoice, what it leaves out, and how far it got.

-- The invoice a charge lands on is that of its buyer account, seller of record, currency and invoice date (the UTC
-- date it fell due). A run claims whole groups in this index's order, so a batch never splits an invoice.
ALTER TABLE invoicing.charge
    ADD COLUMN invoice_date date GENERATED ALWAYS AS ((due_at AT TIME ZONE 'UTC')::date) STORED,
    -- A charge that is never invoiced, and why: ZERO_AMOUNT (an installment of 0.00 bills nothing, so it takes no
    -- invoice number and moves no money).
    ADD COLUMN not_invoiced_reason varchar(20) CHECK (not_invoiced_reason IN ('ZERO_AMOUNT')),
    ADD CONSTRAINT charge_invoiced_or_not CHECK (invoice_id IS NULL OR not_invoiced_reason IS NULL);
UPDATE invoicing.charge SET not_invoiced_reason = 'ZERO_AMOUNT' WHERE amount_minor = 0 AND invoice_id IS NULL;
CREATE INDEX charge_waiting_group ON invoicing.charge
    (buyer_account_id, seller_party_id, currency, invoice_date, agreement_id, charge_id)
    WHERE invoice_id IS NULL AND not_invoiced_reason IS NULL;
CREATE INDEX charge_invoice ON invoicing.charge (invoice_id) WHERE invoice_id IS NOT NULL;

-- One invoicing run of one node: on the clock or started by the operator. Progress is committed with every batch.
CREATE TABLE invoicing.run (
    id            varchar(30)  PRIMARY KEY,
    status        varchar(12)  NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    -- The run invoices the charges due at or before this instant.
    due_until     timestamptz  NOT NULL,
    started_at    timestamptz  NOT NULL,
    finished_at   timestamptz,
    charges_total bigint       NOT NULL CHECK (charges_total >= 0),
    charges_done  bigint       NOT NULL DEFAULT 0 CHECK (charges_done >= 0),
    invoices      bigint       NOT NULL DEFAULT 0 CHECK (invoices >= 0),
    node          varchar(200) NOT NULL,
    started_by    varchar(300),
    failure       varchar(1000)
);
CREATE INDEX run_started ON invoicing.run (started_at DESC, id);

-- Tax rates the operator keeps per buyer country, in percent. A country without a row has no tax.
CREATE TABLE invoicing.tax_rate (
    country    char(2)       PRIMARY KEY,
    rate       numeric(7, 4) NOT NULL CHECK (rate >= 0 AND rate < 100),
    updated_at timestamptz   NOT NULL
);

-- What invoicing knows about a buyer organization: its country (for tax) and the days to pay it gets when an offer
-- has no net payment term (absent: the marketplace's default, offerdesk.invoicing.default-net-payment-days).
CREATE TABLE invoicing.buyer_profile (
    buyer_party_id           uuid        PRIMARY KEY,
    country                  char(2),
    default_net_payment_days integer     CHECK (default_net_payment_days BETWEEN 1 AND 365),
    updated_at               timestamptz NOT NULL
);
