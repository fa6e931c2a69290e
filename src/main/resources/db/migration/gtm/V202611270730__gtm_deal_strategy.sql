-- A seller's or channel partner's deal strategy. The row is locked by every change, so that two administrators saving
-- at once replace the rules one after the other.
CREATE TABLE gtm.deal_strategy (
    party_id   uuid PRIMARY KEY,
    updated_at timestamptz NOT NULL
);

-- Its segment rules in rank order; a change replaces them all.
CREATE TABLE gtm.segment_rule (
    party_id            uuid    NOT NULL REFERENCES gtm.deal_strategy (party_id),
    rank                integer NOT NULL CHECK (rank >= 1),
    name                text    NOT NULL,
    route               text    NOT NULL,
    -- The key accounts as the party wrote them, and the buyer organizations holding them when the rule was saved.
    key_accounts        jsonb   NOT NULL,
    key_buyers          jsonb   NOT NULL,
    value_currency      text,
    value_min           numeric,
    value_max           numeric,
    discount_min        numeric NOT NULL CHECK (discount_min >= 0 AND discount_min <= 100),
    discount_max        numeric NOT NULL CHECK (discount_max >= discount_min AND discount_max <= 100),
    default_template_id text REFERENCES gtm.offer_template (id),
    PRIMARY KEY (party_id, rank)
);
CREATE UNIQUE INDEX segment_rule_name ON gtm.segment_rule (party_id, lower(name));

-- The position each released offer was given, written once: it is published to analytics exactly once.
CREATE TABLE gtm.offer_position (
    offer_id         text PRIMARY KEY,
    party_id         uuid        NOT NULL,
    segment          text,
    discount_percent numeric,
    positioned_at    timestamptz NOT NULL
);
