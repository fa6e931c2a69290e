CREATE SCHEMA IF NOT EXISTS gtm;

-- A seller's or channel partner's CRM connection: the shared secret its CRM signs inbound payloads with (sealed with
-- the platform's master key, bound to the connection id, since checking a signature needs it back), the field mapping
-- that turns a payload into an offer from a template, and the user the connection acts for: drafts it creates are
-- that user's, with that user's current roles.
CREATE TABLE gtm.crm_connection (
    id                 varchar(30)   PRIMARY KEY,
    party_id           uuid          NOT NULL,
    name               varchar(100)  NOT NULL,
    secret_box         bytea         NOT NULL,
    mapping            jsonb         NOT NULL,
    acting_user_id     uuid          NOT NULL,
    acting_user_email  varchar(254)  NOT NULL,
    active             boolean       NOT NULL,
    created_at         timestamptz   NOT NULL,
    secret_rotated_at  timestamptz   NOT NULL
);
CREATE INDEX crm_connection_party ON gtm.crm_connection (party_id, created_at DESC);

-- Every payload a connection received and what became of it. A CRM resends on timeouts, so the opportunity's id
-- (external_id) makes one offer only: the unique index lets the first CREATED row win and later ones answer with it.
CREATE TABLE gtm.crm_receipt (
    id              varchar(30)   PRIMARY KEY,
    connection_id   varchar(30)   NOT NULL REFERENCES gtm.crm_connection (id),
    party_id        uuid          NOT NULL,
    received_at     timestamptz   NOT NULL,
    outcome         varchar(10)   NOT NULL CHECK (outcome IN ('CREATED', 'IGNORED', 'REFUSED')),
    external_id     varchar(500),
    change_set_id   varchar(64),
    template_id     varchar(64),
    violations      jsonb         NOT NULL DEFAULT '[]',
    payload         jsonb         NOT NULL
);
CREATE UNIQUE INDEX crm_receipt_created_once ON gtm.crm_receipt (connection_id, external_id) WHERE outcome = 'CREATED';
CREATE INDEX crm_receipt_connection ON gtm.crm_receipt (party_id, connection_id, received_at DESC);
