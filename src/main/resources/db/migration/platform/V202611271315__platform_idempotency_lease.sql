-- A claim on an Idempotency-Key is leased (ADR 0051): the node processing the request renews the lease while the
-- request runs, and once it lapses (the node died) a retry with the same key takes the claim over. claim_id names
-- the one claim that may complete or release the row, so a node that lost its lease cannot overwrite its successor.
-- A claim without a lease (made by a node of the previous version during a rolling upgrade) is held until it
-- expires, as before; the ones in progress now get a minute.
ALTER TABLE platform.idempotent_request
    ADD COLUMN claim_id    uuid,
    ADD COLUMN lease_until timestamptz;
UPDATE platform.idempotent_request SET lease_until = clock_timestamp() + interval '1 minute' WHERE status IS NULL;
