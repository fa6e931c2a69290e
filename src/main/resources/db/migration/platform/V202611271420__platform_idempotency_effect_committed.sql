-- The claim on an Idempotency-Key records that its request's effect committed (ADR 0051): every write transaction
-- of the request sets effect_committed_at on its own connection just before it commits, so the mark commits or rolls
-- back with the effect. A retry that finds a lapsed claim with the mark does not run the request again.
ALTER TABLE platform.idempotent_request ADD COLUMN effect_committed_at timestamptz;
