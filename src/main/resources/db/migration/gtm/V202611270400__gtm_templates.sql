CREATE SCHEMA IF NOT EXISTS gtm;

-- Template library (ADR 0028). Every row belongs to one seller or channel partner party (owner).

-- A EULA clause; its text lives in immutable versions.
CREATE TABLE gtm.eula_clause (
    id             text PRIMARY KEY,
    owner          uuid        NOT NULL,
    kind           text        NOT NULL,
    latest_version integer     NOT NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX eula_clause_owner ON gtm.eula_clause (owner, created_at DESC);

CREATE TABLE gtm.eula_clause_version (
    clause_id  text        NOT NULL REFERENCES gtm.eula_clause (id),
    version    integer     NOT NULL,
    title      text        NOT NULL,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    PRIMARY KEY (clause_id, version)
);

-- A EULA template: the standard body plus chosen clause versions; each save is a new immutable version.
CREATE TABLE gtm.eula_template (
    id             text PRIMARY KEY,
    owner          uuid        NOT NULL,
    latest_version integer     NOT NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX eula_template_owner ON gtm.eula_template (owner, created_at DESC);

CREATE TABLE gtm.eula_template_version (
    template_id text        NOT NULL REFERENCES gtm.eula_template (id),
    version     integer     NOT NULL,
    name        text        NOT NULL,
    clauses     jsonb       NOT NULL, -- [{"clauseId": "...", "version": 2}, ...]
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    PRIMARY KEY (template_id, version)
);

-- A named pricing and payment shape; terms holds the offer terms with placeholders filled at offer time.
CREATE TABLE gtm.pricing_template (
    id              text PRIMARY KEY,
    owner           uuid        NOT NULL,
    name            text        NOT NULL,
    shape           text        NOT NULL,
    duration_months integer     NOT NULL,
    currency        text        NOT NULL,
    terms           jsonb       NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX pricing_template_owner ON gtm.pricing_template (owner, created_at DESC);

-- The questions an approver sees.
CREATE TABLE gtm.approval_form (
    id         text PRIMARY KEY,
    owner      uuid        NOT NULL,
    name       text        NOT NULL,
    fields     jsonb       NOT NULL, -- [{"key": "justification", "label": "...", "required": true}]
    created_at timestamptz NOT NULL
);
CREATE INDEX approval_form_owner ON gtm.approval_form (owner, created_at DESC);

-- A risk checklist: items that need evidence or a sign-off.
CREATE TABLE gtm.checklist (
    id         text PRIMARY KEY,
    owner      uuid        NOT NULL,
    name       text        NOT NULL,
    items      jsonb       NOT NULL, -- [{"key": "security-review", "text": "...", "requirement": "EVIDENCE"}]
    created_at timestamptz NOT NULL
);
CREATE INDEX checklist_owner ON gtm.checklist (owner, created_at DESC);

-- An offer template combines the above; version counts its saves and is recorded on each offer made from it.
CREATE TABLE gtm.offer_template (
    id                  text PRIMARY KEY,
    owner               uuid        NOT NULL,
    name                text        NOT NULL,
    version             integer     NOT NULL,
    eula_template_id    text REFERENCES gtm.eula_template (id),
    eula_version        integer,
    pricing_template_id text REFERENCES gtm.pricing_template (id),
    approval_form_id    text REFERENCES gtm.approval_form (id),
    checklist_id        text REFERENCES gtm.checklist (id),
    expiry_days         integer     NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX offer_template_owner ON gtm.offer_template (owner, created_at DESC);

-- Where an offer came from: written with the change set that creates it, completed when the offer exists.
CREATE TABLE gtm.offer_origin (
    change_set_id    text PRIMARY KEY,
    owner            uuid        NOT NULL,
    template_id      text        NOT NULL REFERENCES gtm.offer_template (id),
    template_version integer     NOT NULL,
    checklist_id     text REFERENCES gtm.checklist (id),
    approval_form_id text REFERENCES gtm.approval_form (id),
    offer_id         text UNIQUE,
    created_at       timestamptz NOT NULL
);
CREATE INDEX offer_origin_offer ON gtm.offer_origin (owner, offer_id);

-- Per-offer checklist state: evidence or a sign-off for one item; the latest record per item counts.
CREATE TABLE gtm.checklist_entry (
    owner       uuid        NOT NULL,
    offer_id    text        NOT NULL,
    item_key    text        NOT NULL,
    evidence    text,
    signed_off  boolean     NOT NULL,
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (owner, offer_id, item_key)
);
