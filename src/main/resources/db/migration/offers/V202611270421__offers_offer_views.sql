-- The first view of a released private offer by each buyer account it targets (OfferViewed). The key makes recording
-- idempotent: a later view, or two views at once, changes nothing and publishes nothing.
CREATE TABLE offers.offer_view (
    offer_id        varchar(60)  NOT NULL,
    buyer_account   varchar(12)  NOT NULL,
    seller_party_id uuid         NOT NULL,
    viewed_at       timestamptz  NOT NULL,
    viewed_by       uuid,
    PRIMARY KEY (offer_id, buyer_account)
);
