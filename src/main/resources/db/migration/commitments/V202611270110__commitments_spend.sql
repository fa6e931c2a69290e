CREATE SCHEMA IF NOT EXISTS commitments;

-- Spend commitments (EDP, ADR 0024): a buyer organization's commitment contracts. Each contract year runs from the
-- start date's anniversary to the next; its commitment is one row of commitment_year, and the contract's total is
-- their sum. The marketplace share cap is a percent of each year's commitment.
CREATE TABLE commitments.commitment (
    id                 text PRIMARY KEY,
    owner_party_id     uuid NOT NULL,
    name               text NOT NULL,
    currency           text NOT NULL,
    start_date         date NOT NULL,
    term_years         int NOT NULL CHECK (term_years BETWEEN 1 AND 5),
    share_cap_percent  numeric(5, 2) NOT NULL CHECK (share_cap_percent > 0 AND share_cap_percent <= 100),
    excluded_types     text[] NOT NULL,
    milestones         int[] NOT NULL,
    created_at         timestamptz NOT NULL,
    created_by         text NOT NULL,
    updated_at         timestamptz NOT NULL,
    version            bigint NOT NULL
);
CREATE INDEX commitment_owner ON commitments.commitment (owner_party_id, start_date);

CREATE TABLE commitments.commitment_year (
    commitment_id  text NOT NULL REFERENCES commitments.commitment (id) ON DELETE CASCADE,
    year_no        int NOT NULL CHECK (year_no BETWEEN 1 AND 5),
    amount_minor   bigint NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (commitment_id, year_no)
);

-- Every invoice and credit memo line billed to a buyer organization, once (the primary key makes a redelivered
-- event change nothing), by invoice date. Credit memo lines are negative. product_eligible is the operator's flag
-- as it stood when the document was issued; the contract's excluded product types apply when spend is read.
CREATE TABLE commitments.spend_line (
    invoice_id        text NOT NULL,
    line_no           int NOT NULL,
    owner_party_id    uuid NOT NULL,
    document_type     text NOT NULL CHECK (document_type IN ('INVOICE', 'CREDIT_MEMO')),
    invoice_date      date NOT NULL,
    agreement_id      text NOT NULL,
    product_id        text NOT NULL,
    product_type      text NOT NULL,
    product_eligible  boolean NOT NULL,
    currency          text NOT NULL,
    amount_minor      bigint NOT NULL,
    recorded_at       timestamptz NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);
CREATE INDEX spend_line_owner ON commitments.spend_line (owner_party_id, invoice_date);

-- The operator's product eligibility flag; a product without a row is eligible.
CREATE TABLE commitments.product_eligibility (
    product_id  text PRIMARY KEY,
    eligible    boolean NOT NULL,
    note        text,
    changed_at  timestamptz NOT NULL,
    changed_by  text NOT NULL
);

-- Milestones a commitment year's counted spend reached, each once.
CREATE TABLE commitments.milestone_reached (
    commitment_id  text NOT NULL REFERENCES commitments.commitment (id) ON DELETE CASCADE,
    year_no        int NOT NULL,
    percent        int NOT NULL,
    counted_minor  bigint NOT NULL,
    reached_at     timestamptz NOT NULL,
    PRIMARY KEY (commitment_id, year_no, percent)
);

-- Sellers (or channel partners) a buyer organization shows its remaining headroom to, until it revokes.
CREATE TABLE commitments.headroom_share (
    owner_party_id   uuid NOT NULL,
    seller_party_id  uuid NOT NULL,
    shared_at        timestamptz NOT NULL,
    shared_by        text NOT NULL,
    PRIMARY KEY (owner_party_id, seller_party_id)
);
CREATE INDEX headroom_share_seller ON commitments.headroom_share (seller_party_id);
