-- Collections (ADR 0016): what buyers paid, what was applied to which invoice, buyers' credit, dunning reminders and
-- terminations for non-payment. The invoice and its balance row stay as they are; only balances change.

-- Money received from a buyer against one invoice: recorded by the operator or the buyer's finance user, or simulated.
-- What the invoice did not take (an over-payment) became the buyer's credit.
CREATE TABLE invoicing.payment (
    id             varchar(30)  PRIMARY KEY,
    invoice_id     varchar(30)  NOT NULL REFERENCES invoicing.invoice (id),
    buyer_party_id uuid         NOT NULL,
    currency       char(3)      NOT NULL,
    amount_minor   bigint       NOT NULL CHECK (amount_minor > 0),
    applied_minor  bigint       NOT NULL CHECK (applied_minor BETWEEN 0 AND amount_minor),
    reference      varchar(200) NOT NULL,
    simulated      boolean      NOT NULL,
    recorded_by    varchar(500) NOT NULL,
    received_at    timestamptz  NOT NULL
);
CREATE INDEX payment_invoice ON invoicing.payment (invoice_id, received_at, id);

-- An amount applied to an invoice: from a payment, or (no payment) from the buyer's credit. Its collection split is
-- the ledger entry collection:<id>.
CREATE TABLE invoicing.payment_application (
    id           varchar(30) PRIMARY KEY,
    invoice_id   varchar(30) NOT NULL REFERENCES invoicing.invoice (id),
    payment_id   varchar(30) REFERENCES invoicing.payment (id),
    currency     char(3)     NOT NULL,
    amount_minor bigint      NOT NULL CHECK (amount_minor > 0),
    applied_at   timestamptz NOT NULL
);
CREATE INDEX payment_application_invoice ON invoicing.payment_application (invoice_id, applied_at, id);

-- A buyer's credit in one currency: over-payments not yet applied to an invoice. The ledger's BUYER_CREDIT account
-- holds the same amount; this row is what spending credit locks, so that no credit is spent twice.
CREATE TABLE invoicing.buyer_credit (
    buyer_party_id  uuid    NOT NULL,
    currency        char(3) NOT NULL,
    available_minor bigint  NOT NULL CHECK (available_minor >= 0),
    PRIMARY KEY (buyer_party_id, currency)
);

-- Dunning reminder number `step` (offerdesk.invoicing.dunning.reminders) for an unpaid invoice: sent once.
CREATE TABLE invoicing.dunning_notice (
    invoice_id varchar(30) NOT NULL REFERENCES invoicing.invoice (id),
    step       integer     NOT NULL CHECK (step >= 1),
    due_at     timestamptz NOT NULL,
    sent_at    timestamptz NOT NULL,
    PRIMARY KEY (invoice_id, step)
);

-- An invoice still unpaid after the termination grace period: its agreements were terminated, once.
CREATE TABLE invoicing.nonpayment_termination (
    invoice_id    varchar(30) PRIMARY KEY REFERENCES invoicing.invoice (id),
    due_at        timestamptz NOT NULL,
    terminated_at timestamptz NOT NULL
);

-- Dunning walks invoices by due date from the first one that can have something due.
CREATE INDEX invoice_due ON invoicing.invoice (due_date) WHERE invoice_type = 'INVOICE';
