-- Seller of record and publisher: the proposer is the offer's owner (for a channel partner private offer, the partner);
-- the publisher is the product's owner, who sees the agreements on its products from the wholesale side only.
ALTER TABLE agreements.agreement ADD COLUMN publisher_party_id uuid;
UPDATE agreements.agreement SET publisher_party_id = proposer_party_id;
ALTER TABLE agreements.agreement ALTER COLUMN publisher_party_id SET NOT NULL;
CREATE INDEX agreement_publisher ON agreements.agreement (publisher_party_id, end_time, id)
    WHERE publisher_party_id <> proposer_party_id;

-- The offers of one offer set are accepted together; their agreements (and so their charges) carry the set's id.
ALTER TABLE agreements.agreement ADD COLUMN offer_set_id varchar(50);
CREATE INDEX agreement_offer_set ON agreements.agreement (offer_set_id) WHERE offer_set_id IS NOT NULL;

-- The wholesale side of a channel partner private offer: the authorization, its terms as accepted, and the value.
ALTER TABLE agreements.agreement ADD COLUMN resale_authorization_id varchar(50);
ALTER TABLE agreements.agreement ADD COLUMN wholesale_terms jsonb;
ALTER TABLE agreements.agreement ADD COLUMN wholesale_value numeric;
ALTER TABLE agreements.agreement ADD CONSTRAINT agreement_wholesale_whole CHECK (
    (resale_authorization_id IS NULL) = (wholesale_terms IS NULL)
    AND (resale_authorization_id IS NULL) = (wholesale_value IS NULL));

-- Every charge of a channel partner private offer records what the ISV is paid of it (the money basis of the split).
ALTER TABLE agreements.charge ADD COLUMN wholesale_amount numeric CHECK (wholesale_amount >= 0);
