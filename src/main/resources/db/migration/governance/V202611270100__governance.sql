CREATE SCHEMA IF NOT EXISTS governance;

-- A private-marketplace experience (Experience@1.0) with its audience, procurement policy and branding. The whole
-- experience is the document (JSON of the Experience record); the columns beside it copy what reads filter on and
-- are written from the document in the same statement.
CREATE TABLE governance.experience (
    id               varchar(20)  PRIMARY KEY CHECK (id ~ '^exp-[a-z0-9]{13}$'),
    owner_party_id   uuid         NOT NULL,
    name             varchar(100) NOT NULL,
    status           varchar(10)  NOT NULL CHECK (status IN ('ENABLED', 'DISABLED')),
    revision         bigint       NOT NULL CHECK (revision >= 1),
    created_at       timestamptz  NOT NULL,
    last_modified_at timestamptz  NOT NULL,
    document         jsonb        NOT NULL
);
-- Acceptance reads the enabled experiences of the buyer's organization before every purchase.
CREATE INDEX experience_owner_status ON governance.experience (owner_party_id, status);

-- A user's request that the administrators allow a product, and their decision.
CREATE TABLE governance.product_request (
    id                varchar(20)   PRIMARY KEY CHECK (id ~ '^pmpreq-[a-z0-9]{13}$'),
    party_id          uuid          NOT NULL,
    account_id        varchar(12)   NOT NULL,
    product_id        varchar(50)   NOT NULL,
    experience_id     varchar(20)   NOT NULL REFERENCES governance.experience (id),
    justification     varchar(1000) NOT NULL,
    status            varchar(10)   NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED')),
    requested_by      uuid          NOT NULL,
    requested_by_name varchar(300)  NOT NULL,
    requested_at      timestamptz   NOT NULL,
    decided_by_name   varchar(300),
    decided_at        timestamptz,
    comment           varchar(1000),
    change_set_id     varchar(25),
    CHECK ((status = 'PENDING') = (decided_at IS NULL))
);
CREATE INDEX product_request_party_recent ON governance.product_request (party_id, requested_at DESC, id DESC);
-- One open request per account and product: asking again while one waits adds nothing.
CREATE UNIQUE INDEX product_request_one_pending
    ON governance.product_request (account_id, product_id) WHERE status = 'PENDING';
