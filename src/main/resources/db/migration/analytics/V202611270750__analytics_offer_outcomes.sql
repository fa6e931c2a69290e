CREATE SCHEMA IF NOT EXISTS analytics;

-- Offer outcomes (ADR 0034): a read model built from the offers', agreements' and GTM's events. Events arrive in any
-- order and may be delivered twice, so every listener upserts only its own columns, keeping the earliest instant.

-- One row per offer. party_id is the offer's owner, the seller of record (the channel partner of a CPPO);
-- publisher_party_id the ISV whose product it is, read from the offer when it is released.
CREATE TABLE analytics.offer_outcome (
    offer_id            text PRIMARY KEY,
    party_id            uuid        NOT NULL,
    publisher_party_id  uuid,
    product_id          text,
    drafted_at          timestamptz,
    released_at         timestamptz,
    expires_at          timestamptz,
    first_viewed_at     timestamptz,
    accepted_at         timestamptz,
    expired_at          timestamptz,
    payment_schedule    text,
    eula_type           text,
    path                text CHECK (path IN ('SPO', 'CPPO')),
    positioned          boolean     NOT NULL DEFAULT false,
    segment             text,
    discount_percent    numeric(9, 4)
);
CREATE INDEX offer_outcome_party ON analytics.offer_outcome (party_id);
CREATE INDEX offer_outcome_publisher ON analytics.offer_outcome (publisher_party_id);

-- Every agreement accepted from an offer, once: the booked value. renewal marks an automatic renewal, which books
-- value but is no buyer's decision on the offer.
CREATE TABLE analytics.offer_agreement (
    agreement_id  text PRIMARY KEY,
    offer_id      text        NOT NULL,
    party_id      uuid        NOT NULL,
    accepted_at   timestamptz NOT NULL,
    currency      char(3)     NOT NULL,
    value_minor   bigint      NOT NULL,
    renewal       boolean     NOT NULL
);
CREATE INDEX offer_agreement_party ON analytics.offer_agreement (party_id, accepted_at);
CREATE INDEX offer_agreement_offer ON analytics.offer_agreement (offer_id);

-- Renewals the renewal engine drafted, one per agreement, for the renewal calendar.
CREATE TABLE analytics.renewal_draft (
    agreement_id   text PRIMARY KEY,
    offer_id       text        NOT NULL,
    party_id       uuid        NOT NULL,
    mode           text        NOT NULL,
    agreement_end  timestamptz NOT NULL,
    drafted_at     timestamptz NOT NULL
);
CREATE INDEX renewal_draft_party ON analytics.renewal_draft (party_id);
