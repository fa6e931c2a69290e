CREATE SCHEMA IF NOT EXISTS audit;

-- The trail. Rows are only ever inserted; each row's hash covers its content and the previous row's hash.
-- payload is json, not jsonb, so that the stored text is byte-for-byte what was digested.
CREATE TABLE audit.entry (
    sequence        bigserial PRIMARY KEY,
    occurred_at     timestamptz  NOT NULL,
    actor_kind      varchar(16)  NOT NULL,
    actor_user_id   uuid,
    actor_party_id  uuid,
    actor_name      varchar(400) NOT NULL,
    action          varchar(100) NOT NULL,
    entity_type     varchar(60)  NOT NULL,
    entity_id       varchar(100) NOT NULL,
    owner_party_id  varchar(100) NOT NULL,
    payload         json         NOT NULL,
    payload_digest  char(64)     NOT NULL,
    previous_hash   char(64)     NOT NULL,
    hash            char(64)     NOT NULL UNIQUE
);

CREATE INDEX entry_entity ON audit.entry (entity_type, entity_id, sequence);
CREATE INDEX entry_owner ON audit.entry (owner_party_id, sequence);
CREATE INDEX entry_occurred ON audit.entry (occurred_at);

-- The end of the chain. Appending locks this row, which serializes appends across every node.
CREATE TABLE audit.chain_head (
    id        smallint PRIMARY KEY CHECK (id = 1),
    last_hash char(64) NOT NULL
);
INSERT INTO audit.chain_head (id, last_hash) VALUES (1, repeat('0', 64));
