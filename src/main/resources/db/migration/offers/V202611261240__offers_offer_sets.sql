-- Offer sets (AWS's OfferSet@1.0): private offers of one owner for the same buyers, accepted together. The offers
-- name their set in offers.offer.offer_set_id; offer_ids keeps the set's order.
CREATE TABLE offers.offer_set (
    id                 varchar(22)   PRIMARY KEY,
    owner_party_id     uuid          NOT NULL,
    name               varchar(150)  NOT NULL,
    buyer_notes        varchar(2000),
    state              varchar(10)   NOT NULL CHECK (state IN ('DRAFT', 'RELEASED')),
    offer_ids          varchar(19)[] NOT NULL,
    released_at        timestamptz,
    created_at         timestamptz   NOT NULL,
    last_modified_at   timestamptz   NOT NULL,
    revision           bigint        NOT NULL
);
CREATE INDEX offer_set_owner ON offers.offer_set (owner_party_id, last_modified_at DESC, id);
