-- Simulator controls for people testing their automation against the AWS-compatible API: a party's calls to one
-- operation answered with ThrottlingException, for a number of calls (remaining counts down; the row goes at 0) or,
-- with remaining NULL, until the operator clears it.
CREATE TABLE platform.simulator_throttle (
    party_id   uuid        NOT NULL,
    service    text        NOT NULL,
    operation  text        NOT NULL,
    remaining  integer     CHECK (remaining > 0),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (party_id, service, operation)
);

-- The next change set of a party that changes an entity fails with the chosen error code, once: the row is taken
-- (deleted) by the change set it fails.
CREATE TABLE platform.simulator_change_set_failure (
    party_id   uuid        NOT NULL,
    entity_id  text        NOT NULL,
    error_code text        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (party_id, entity_id)
);

-- Change sets of a party wait this long after their start before the engine applies them (they stay APPLYING).
CREATE TABLE platform.simulator_change_set_delay (
    party_id   uuid        PRIMARY KEY,
    delay      interval    NOT NULL,
    created_at timestamptz NOT NULL
);
