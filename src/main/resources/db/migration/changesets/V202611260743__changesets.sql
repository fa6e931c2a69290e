CREATE SCHEMA IF NOT EXISTS changesets;

-- One change set with its changes. The changes are one JSON document (as requested, and after processing with each
-- entity's revision and errors) because they are written and read as a whole, never queried one by one.
CREATE TABLE changesets.change_set (
    id                   varchar(25)  PRIMARY KEY CHECK (id ~ '^[a-z0-9]{25}$'),
    owner_party_id       uuid         NOT NULL,
    owner_account_id     varchar(12)  NOT NULL,
    name                 varchar(100) NOT NULL,
    intent               varchar(8)   NOT NULL CHECK (intent IN ('APPLY', 'VALIDATE')),
    status               varchar(10)  NOT NULL CHECK (status IN ('PREPARING', 'APPLYING', 'SUCCEEDED', 'CANCELLED',
                                                                 'FAILED')),
    failure_code         varchar(12)  CHECK (failure_code IN ('CLIENT_ERROR', 'SERVER_FAULT')),
    failure_description  text,
    client_request_token varchar(64),
    request_fingerprint  char(64)     NOT NULL,
    actor_kind           varchar(10)  NOT NULL,
    actor_user_id        uuid,
    actor_name           varchar(500) NOT NULL,
    start_time           timestamptz  NOT NULL,
    end_time             timestamptz,
    -- A worker holds an APPLYING change set until then; after a crash another node takes it over.
    claimed_until        timestamptz,
    entity_ids           text[]       NOT NULL,
    changes              jsonb        NOT NULL,
    CHECK ((status IN ('SUCCEEDED', 'CANCELLED', 'FAILED')) = (end_time IS NOT NULL)),
    CHECK ((status = 'FAILED') = (failure_code IS NOT NULL))
);
-- Same token from the same party means the same change set.
CREATE UNIQUE INDEX change_set_token ON changesets.change_set (owner_party_id, client_request_token)
    WHERE client_request_token IS NOT NULL;
-- The work queue and the open-set quota.
CREATE INDEX change_set_open ON changesets.change_set (owner_party_id, start_time) WHERE end_time IS NULL;
CREATE INDEX change_set_queue ON changesets.change_set (start_time) WHERE status IN ('PREPARING', 'APPLYING');
CREATE INDEX change_set_newest ON changesets.change_set (owner_party_id, start_time DESC, id DESC);
CREATE INDEX change_set_entities ON changesets.change_set USING gin (entity_ids);
CREATE INDEX change_set_ended ON changesets.change_set (end_time) WHERE end_time IS NOT NULL;

-- An entity a running change set changes. The primary key is the lock: a second change set touching the entity
-- fails to insert its row and is refused.
CREATE TABLE changesets.entity_lock (
    entity_id     varchar(255) PRIMARY KEY,
    change_set_id varchar(25)  NOT NULL REFERENCES changesets.change_set (id) ON DELETE CASCADE
);
CREATE INDEX entity_lock_change_set ON changesets.entity_lock (change_set_id);
