-- The customer identifier AWS gives a SaaS seller for a buyer account: one per account and product, kept across the
-- account's renewals and replacements of that product, so the seller's records of the customer stay valid.
CREATE TABLE agreements.customer (
    acceptor_account_id varchar(12) NOT NULL,
    product_id          varchar(50) NOT NULL,
    customer_identifier varchar(13) NOT NULL UNIQUE,
    PRIMARY KEY (acceptor_account_id, product_id)
);

-- What an agreement entitles its buyer account to: one row per granted dimension. The tenant and product columns are
-- copied from the agreement so that the seller's GetEntitlements and the buyer's list read one table.
CREATE TABLE agreements.entitlement (
    agreement_id        varchar(30)  NOT NULL REFERENCES agreements.agreement (id),
    dimension_key       varchar(100) NOT NULL,
    product_id          varchar(50)  NOT NULL,
    product_type        varchar(30)  NOT NULL,
    proposer_party_id   uuid         NOT NULL,
    acceptor_party_id   uuid         NOT NULL,
    acceptor_account_id varchar(12)  NOT NULL,
    customer_identifier varchar(13)  NOT NULL,
    license_arn         varchar(120) NOT NULL,
    -- The term that granted it, e.g. FixedUpfrontPricingTerm.
    entitlement_type    varchar(40)  NOT NULL,
    integer_value       integer      CHECK (integer_value >= 0),
    boolean_value       boolean,
    start_time          timestamptz  NOT NULL,
    expiration_time     timestamptz,
    status              varchar(13)  NOT NULL
        CHECK (status IN ('PENDING', 'SCHEDULED', 'PROVISIONED', 'DEPROVISIONED', 'FAILED')),
    status_reason_code  varchar(30)  NOT NULL,
    last_update_time    timestamptz  NOT NULL,
    PRIMARY KEY (agreement_id, dimension_key),
    CHECK ((integer_value IS NULL) <> (boolean_value IS NULL))
);
CREATE INDEX entitlement_product ON agreements.entitlement (product_id, status, agreement_id, dimension_key);
CREATE INDEX entitlement_acceptor ON agreements.entitlement (acceptor_party_id, acceptor_account_id, product_id);

-- SaaS registration tokens, by the SHA-256 of the token: the token itself is a bearer secret and is never stored.
CREATE TABLE agreements.registration_token (
    token_hash        varchar(64) PRIMARY KEY,
    agreement_id      varchar(30) NOT NULL REFERENCES agreements.agreement (id),
    issued_at         timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL
);
CREATE INDEX registration_token_expiry ON agreements.registration_token (expires_at);

-- The outbox of registration posts to SaaS sellers' fulfillment URLs: one per provisioned agreement, claimed with
-- SKIP LOCKED, retried with exponential backoff until delivered or out of attempts.
CREATE TABLE agreements.fulfillment_post (
    agreement_id      varchar(30)   PRIMARY KEY REFERENCES agreements.agreement (id),
    fulfillment_url   varchar(2048) NOT NULL,
    state             varchar(9)    NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts          integer       NOT NULL CHECK (attempts >= 0),
    next_attempt_at   timestamptz,
    last_attempt_at   timestamptz,
    last_status       integer,
    last_error        varchar(500),
    created_at        timestamptz   NOT NULL
);
CREATE INDEX fulfillment_post_due ON agreements.fulfillment_post (next_attempt_at) WHERE state = 'PENDING';
