-- A channel partner private offer names the resale authorization it was made from (ListEntities filters on it); an
-- offer in an offer set is accepted together with the set's other offers.
ALTER TABLE offers.offer ADD COLUMN resale_authorization_id varchar(50);
ALTER TABLE offers.offer ADD COLUMN offer_set_id varchar(50);
CREATE INDEX offer_resale_authorization ON offers.offer (resale_authorization_id)
    WHERE resale_authorization_id IS NOT NULL;
CREATE INDEX offer_offer_set ON offers.offer (offer_set_id) WHERE offer_set_id IS NOT NULL;
