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
