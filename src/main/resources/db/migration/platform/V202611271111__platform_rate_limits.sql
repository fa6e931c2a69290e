-- A party's own API allowance, set by the operator (ADR 0045): a noisy tenant held to less than the deployment's
-- default, or a large one given more. Deployment-wide values; every node enforces its share of them.
CREATE TABLE platform.rate_limit_override (
    party_id            uuid        PRIMARY KEY,
    requests_per_minute bigint      NOT NULL CHECK (requests_per_minute > 0),
    burst               bigint      NOT NULL CHECK (burst > 0),
    updated_at          timestamptz NOT NULL
);
