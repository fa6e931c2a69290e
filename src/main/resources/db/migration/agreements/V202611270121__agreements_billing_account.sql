-- The account billed for an agreement's charges: its buyer organization's billing account when one was designated at
-- acceptance, else the accepting account (which every agreement made before designations is billed to).
ALTER TABLE agreements.agreement ADD COLUMN billing_account_id char(12);
UPDATE agreements.agreement SET billing_account_id = acceptor_account_id;
ALTER TABLE agreements.agreement ALTER COLUMN billing_account_id SET NOT NULL;
