-- The owner's offer sets, newest first, page by the index when the id, their tiebreak, runs in the sort's direction
-- (platform.ListOrder): (last_modified_at DESC, id DESC) read forward, and backward for oldest first.
DROP INDEX offers.offer_set_owner;
CREATE INDEX offer_set_owner ON offers.offer_set (owner_party_id, last_modified_at DESC, id DESC);
