CREATE SCHEMA IF NOT EXISTS gtm;

-- A seller's (or channel partner's) upload of many offers at once (ADR 0030). Its rows are validated and then, when
-- the author submits it, created (or created and released) in the background, each row as its own change set. A node
-- works on an upload while it holds the lease; a node that dies leaves the lease to run out and another takes over.
CREATE TABLE gtm.bulk_upload (
    id              varchar(40)  PRIMARY KEY,
    owner_party_id  uuid         NOT NULL,
    file_name       varchar(255) NOT NULL,
    format          varchar(10)  NOT NULL,
    status          varchar(20)  NOT NULL,
    mode            varchar(10),
    total_rows      integer      NOT NULL,
    actor_kind      varchar(20)  NOT NULL,
    actor_user_id   uuid,
    actor_party_id  uuid,
    actor_name      varchar(200) NOT NULL,
    created_at      timestamptz  NOT NULL,
    submitted_at    timestamptz,
    finished_at     timestamptz,
    lease_until     timestamptz
);
CREATE INDEX bulk_upload_owner ON gtm.bulk_upload (owner_party_id, created_at DESC);
CREATE INDEX bulk_upload_work ON gtm.bulk_upload (created_at) WHERE status IN ('VALIDATING', 'RUNNING');

-- One row of an upload: the values read from the file, the change set built from them (absent when a value could not
-- be read), what validation and submission made of it, with the errors per column.
CREATE TABLE gtm.bulk_row (
    upload_id       varchar(40)  NOT NULL REFERENCES gtm.bulk_upload (id),
    row_number      integer      NOT NULL,
    cells           jsonb        NOT NULL,
    changes         jsonb,
    status          varchar(20)  NOT NULL,
    errors          jsonb        NOT NULL DEFAULT '[]',
    release_errors  jsonb        NOT NULL DEFAULT '[]',
    offer_id        varchar(60),
    change_set_id   varchar(60),
    PRIMARY KEY (upload_id, row_number)
);
CREATE INDEX bulk_row_open ON gtm.bulk_row (upload_id, row_number) WHERE status IN ('PENDING', 'QUEUED');
