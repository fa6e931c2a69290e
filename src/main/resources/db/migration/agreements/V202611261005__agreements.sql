CREATE SCHEMA IF NOT EXISTS agreements;

-- An agreement request: a quote for accepting one offer as one buyer account. The accepted terms and the charges
-- are those the buyer saw; acceptance re-prices them at the acceptance instant and refuses if the offer changed.
CREATE TABLE agreements.agreement_request (
    id                  varchar(28)  PRIMARY KEY CHECK (id ~ '^ar-[a-z0-9]{25}$'),
    buyer_party_id      uuid         NOT NULL,
    acceptor_account_id varchar(12)  NOT NULL,
    requested_by        uuid         NOT NULL,
    intent              varchar(7)   NOT NULL CHECK (intent IN ('NEW', 'REPLACE')),
    offer_id            varchar(19)  NOT NULL,
    offer_revision      bigint       NOT NULL,
    source_agreement_id varchar(30),
    client_token        varchar(64),
    -- SHA-256 of the request, so a repeated client token with a different request is refused.
    request_digest      varchar(64)  NOT NULL,
    requested_terms     jsonb        NOT NULL,
    accepted_terms      jsonb        NOT NULL,
    currency_code       varchar(3)   NOT NULL,
    agreement_value     numeric      NOT NULL,
    expected_charges    jsonb        NOT NULL,
    start_time          timestamptz  NOT NULL,
    end_time            timestamptz,
    usage_billed        boolean      NOT NULL,
    created_at          timestamptz  NOT NULL,
    expires_at          timestamptz  NOT NULL,
    agreement_id        varchar(30)
);
CREATE UNIQUE INDEX agreement_request_client_token ON agreements.agreement_request (buyer_party_id, client_token)
    WHERE client_token IS NOT NULL;

CREATE TABLE agreements.agreement (
    id                   varchar(30)  PRIMARY KEY CHECK (id ~ '^agmt-[a-z0-9]{25}$'),
    initial_agreement_id varchar(30)  NOT NULL,
    offer_id             varchar(19)  NOT NULL,
    product_id           varchar(50)  NOT NULL,
    product_type         varchar(30)  NOT NULL,
    proposer_party_id    uuid         NOT NULL,
    proposer_account_id  varchar(12)  NOT NULL,
    acceptor_party_id    uuid         NOT NULL,
    acceptor_account_id  varchar(12)  NOT NULL,
    request_id           varchar(28)  NOT NULL UNIQUE,
    acceptance_time      timestamptz  NOT NULL,
    start_time           timestamptz  NOT NULL,
    end_time             timestamptz,
    terms                jsonb        NOT NULL,
    currency_code        varchar(3)   NOT NULL,
    agreement_value      numeric      NOT NULL,
    status               varchar(10)  NOT NULL
        CHECK (status IN ('ACTIVE', 'EXPIRED', 'CANCELLED', 'RENEWED', 'REPLACED', 'TERMINATED')),
    status_at            timestamptz,
    successor_id         varchar(30),
    renewals             integer      NOT NULL CHECK (renewals >= 0),
    renewal_opt_out      varchar(8)   CHECK (renewal_opt_out IN ('PROPOSER', 'ACCEPTOR')),
    last_update_time     timestamptz  NOT NULL,
    version              bigint       NOT NULL
);
CREATE INDEX agreement_proposer ON agreements.agreement (proposer_party_id, end_time, id);
CREATE INDEX agreement_acceptor ON agreements.agreement (acceptor_party_id, end_time, id);
CREATE INDEX agreement_subscription ON agreements.agreement (acceptor_account_id, product_id) WHERE status = 'ACTIVE';
CREATE INDEX agreement_offer ON agreements.agreement (offer_id);
CREATE INDEX agreement_chain ON agreements.agreement (initial_agreement_id);
CREATE INDEX agreement_active_end ON agreements.agreement (end_time) WHERE status = 'ACTIVE';

-- The charges an agreement invoices. Scheduled ones fall due at their time; due ones go to invoicing and stand.
CREATE TABLE agreements.charge (
    agreement_id             varchar(30)  NOT NULL REFERENCES agreements.agreement (id),
    id                       varchar(20)  NOT NULL,
    revision                 integer      NOT NULL,
    charge_time              timestamptz  NOT NULL,
    currency_code            varchar(3)   NOT NULL,
    amount                   numeric      NOT NULL CHECK (amount >= 0),
    timing                   varchar(14)  NOT NULL CHECK (timing IN ('ON_ACCEPTANCE', 'SCHEDULED', 'BILLING_PERIOD')),
    state                    varchar(9)   NOT NULL CHECK (state IN ('SCHEDULED', 'DUE', 'CANCELLED')),
    purchase_order_reference varchar(200),
    PRIMARY KEY (agreement_id, id)
);
CREATE INDEX charge_scheduled ON agreements.charge (charge_time) WHERE state = 'SCHEDULED';
