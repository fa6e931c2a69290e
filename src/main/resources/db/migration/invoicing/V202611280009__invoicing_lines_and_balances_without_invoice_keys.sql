-- The invoicing run checked these two keys at each batch's commit, 10,000 checks for a batch of 5,000 invoices of
-- one line each, while it held the invoice numbers' lock, which serializes every batch: they took 85 of the 370 ms a
-- batch held it. A batch writes an invoice's lines and balance in the transaction that writes the invoice, and so does
-- a credit memo; nothing deletes an invoice. As for the ledger's postings (ADR 0015), the keys go (ADR 0014,
-- amendment).
ALTER TABLE invoicing.invoice_line DROP CONSTRAINT invoice_line_invoice_id_fkey;
ALTER TABLE invoicing.invoice_balance DROP CONSTRAINT invoice_balance_invoice_id_fkey;
