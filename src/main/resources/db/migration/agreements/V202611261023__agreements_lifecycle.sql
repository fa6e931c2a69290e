-- What the clock did to an agreement, so each step happens once: a future-dated agreement's start announced, the
-- notice before an automatic renewal checked (and sent when it renews), and the price increase the seller chose
-- within the renewal term's range for the next renewal.
ALTER TABLE agreements.agreement
    ADD COLUMN start_announced_at     timestamptz,
    ADD COLUMN renewal_notice_at      timestamptz,
    ADD COLUMN renewal_notice_sent    boolean NOT NULL DEFAULT false,
    ADD COLUMN renewal_price_increase numeric CHECK (renewal_price_increase BETWEEN 0 AND 100);

CREATE INDEX agreement_future_start ON agreements.agreement (start_time)
    WHERE status = 'ACTIVE' AND start_announced_at IS NULL AND start_time > acceptance_time;
CREATE INDEX agreement_renewal_notice ON agreements.agreement (end_time)
    WHERE status = 'ACTIVE' AND renewal_notice_at IS NULL;
