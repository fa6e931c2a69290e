-- Usage charges from metering's rating (ADR 0021) carry what they bill in words (dimension, quantity, unit price and
-- period) and the allocation tags of the usage, which reach the invoice line for the buyer's cost allocation.
ALTER TABLE invoicing.charge
    ADD COLUMN description     varchar(200),
    ADD COLUMN allocation_tags jsonb NOT NULL DEFAULT '{}';
ALTER TABLE invoicing.invoice_line
    ADD COLUMN allocation_tags jsonb NOT NULL DEFAULT '{}';
