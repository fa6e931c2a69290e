CREATE SCHEMA IF NOT EXISTS gtm;

-- A seller's or channel partner's approval policy: deadlines for its steps; its rules below.
CREATE TABLE gtm.approval_policy (
    party_id         uuid PRIMARY KEY,
    step_due_hours   integer NOT NULL CHECK (step_due_hours > 0),
    escalation_hours integer NOT NULL CHECK (escalation_hours > 0),
    updated_at       timestamptz NOT NULL
);

-- One rule: a condition on the draft and the approvers it requires, one after the other or all at once.
CREATE TABLE gtm.approval_rule (
    id          uuid PRIMARY KEY,
    party_id    uuid NOT NULL,
    name        text NOT NULL,
    condition   text NOT NULL,
    threshold   numeric,
    currency    text,
    mode        text NOT NULL,
    approvers   jsonb NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX approval_rule_party ON gtm.approval_rule (party_id, created_at);

-- A request for the approvals an offer's revision needs; a later revision of the draft invalidates it.
CREATE TABLE gtm.approval_request (
    id              uuid PRIMARY KEY,
    -- Orders an offer's requests: several may be made at one (simulated) instant.
    seq             bigserial NOT NULL,
    party_id        uuid NOT NULL,
    offer_id        text NOT NULL,
    offer_revision  bigint NOT NULL,
    status          text NOT NULL,
    requested_by    text NOT NULL,
    requested_at    timestamptz NOT NULL,
    closed_at       timestamptz,
    -- Set when the offer is released: later changes of a released offer no longer concern its approvals.
    offer_released_at timestamptz
);
CREATE INDEX approval_request_offer ON gtm.approval_request (party_id, offer_id, seq DESC);
-- At most one open request per offer.
CREATE UNIQUE INDEX approval_request_open ON gtm.approval_request (offer_id) WHERE status = 'PENDING';

-- One approval a request needs: an approver in a step; a step opens when every earlier step is approved.
CREATE TABLE gtm.approval (
    id              uuid PRIMARY KEY,
    request_id      uuid NOT NULL REFERENCES gtm.approval_request (id),
    party_id        uuid NOT NULL,
    step            integer NOT NULL,
    approver_role   text,
    approver_user   uuid,
    approver_label  text NOT NULL,
    status          text NOT NULL,
    opened_at       timestamptz,
    due_at          timestamptz,
    escalate_at     timestamptz,
    reminded_at     timestamptz,
    escalated_at    timestamptz,
    decided_by      text,
    decided_by_user uuid,
    decided_at      timestamptz,
    comment         text,
    CHECK ((approver_role IS NULL) <> (approver_user IS NULL))
);
CREATE INDEX approval_by_request ON gtm.approval (request_id, step);
CREATE INDEX approval_due ON gtm.approval (due_at) WHERE status = 'OPEN' AND reminded_at IS NULL;
CREATE INDEX approval_escalation ON gtm.approval (escalate_at) WHERE status = 'OPEN' AND escalated_at IS NULL;

-- What happened to an offer's approvals, as the offer page shows it; the audit trail holds the same events.
CREATE TABLE gtm.approval_trail (
    id          bigserial PRIMARY KEY,
    party_id    uuid NOT NULL,
    offer_id    text NOT NULL,
    request_id  uuid NOT NULL,
    action      text NOT NULL,
    step        integer,
    actor       text NOT NULL,
    comment     text,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX approval_trail_offer ON gtm.approval_trail (party_id, offer_id, id);
