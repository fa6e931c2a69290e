-- What each application of money (payment_application) gave each payee of each invoice line, and the listing fee the
-- ISV paid on it (ADR 0022): the per-line detail of the ledger entry collection:<application_id>, which sums it per
-- payee. Reports tell collected money and fees per product and agreement from here; the ledger entry stays the money.
CREATE TABLE invoicing.collection_share (
    application_id varchar(30)   NOT NULL REFERENCES invoicing.payment_application (id),
    invoice_id     varchar(30)   NOT NULL,
    line_no        integer       NOT NULL,
    payee_role     varchar(40)   NOT NULL CHECK (payee_role IN ('SELLER_PAYABLE', 'PARTNER_PAYABLE')),
    payee_party_id uuid          NOT NULL,
    currency       char(3)       NOT NULL,
    share_minor    bigint        NOT NULL CHECK (share_minor >= 0),
    fee_minor      bigint        NOT NULL CHECK (fee_minor BETWEEN 0 AND share_minor),
    fee_rate       numeric(7, 4) NOT NULL,
    applied_at     timestamptz   NOT NULL,
    PRIMARY KEY (application_id, line_no, payee_role),
    FOREIGN KEY (invoice_id, line_no) REFERENCES invoicing.invoice_line (invoice_id, line_no)
);
CREATE INDEX collection_share_payee ON invoicing.collection_share (payee_party_id, applied_at);
CREATE INDEX collection_share_applied ON invoicing.collection_share (applied_at);
