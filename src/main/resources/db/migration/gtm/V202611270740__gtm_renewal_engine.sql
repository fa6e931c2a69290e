-- An offer template's renewal plan (ADR 0033): how agreements made from its offers renew and by how much the price
-- rises. Both optional; the party's renewal settings fill what a template leaves open. Like every other part of the
-- template, a change saves the template's next version.
ALTER TABLE gtm.offer_template
    ADD COLUMN renewal_mode             varchar(16) CHECK (renewal_mode IN ('REPLACEMENT', 'FUTURE_DATED', 'NEW_OFFER')),
    ADD COLUMN renewal_increase_percent numeric(5, 2) CHECK (renewal_increase_percent BETWEEN 0 AND 100);

-- A seller's or channel partner's renewal settings; a party without a row has the engine switched off.
CREATE TABLE gtm.renewal_settings (
    party_id         uuid          PRIMARY KEY,
    enabled          boolean       NOT NULL,
    lead_days        integer       NOT NULL CHECK (lead_days BETWEEN 1 AND 365),
    default_mode     varchar(16)   NOT NULL CHECK (default_mode IN ('REPLACEMENT', 'FUTURE_DATED', 'NEW_OFFER')),
    increase_percent numeric(5, 2) NOT NULL CHECK (increase_percent BETWEEN 0 AND 100),
    updated_at       timestamptz   NOT NULL
);

-- One renewal draft per agreement, ever: the primary key is what makes the engine draft each agreement exactly once,
-- whichever node runs it. DRAFTING while its change set runs; QUEUED once its approvals were requested, READY when
-- the party's policy asks none; FAILED with the reason when the draft could not be made (never retried).
CREATE TABLE gtm.renewal_draft (
    agreement_id        varchar(64)   PRIMARY KEY,
    party_id            uuid          NOT NULL,
    agreement_offer_id  varchar(64)   NOT NULL,
    product_id          varchar(64)   NOT NULL,
    acceptor_account_id varchar(12)   NOT NULL,
    agreement_end       timestamptz   NOT NULL,
    mode                varchar(16)   NOT NULL CHECK (mode IN ('REPLACEMENT', 'FUTURE_DATED', 'NEW_OFFER')),
    increase_percent    numeric(5, 2) NOT NULL,
    template_id         text,
    state               varchar(10)   NOT NULL CHECK (state IN ('DRAFTING', 'QUEUED', 'READY', 'FAILED')),
    change_set_id       varchar(64),
    offer_id            varchar(64),
    approval_request_id uuid,
    reason              text,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL
);
CREATE INDEX renewal_draft_party ON gtm.renewal_draft (party_id, created_at DESC);
CREATE UNIQUE INDEX renewal_draft_change_set ON gtm.renewal_draft (change_set_id);
