-- What an invoicing run of a million charges needs (ADR 0014).

-- A charge's invoice is found through invoicing.invoice_line (by agreement and charge, or by invoice); an index on
-- invoicing.charge(invoice_id) only cost every run an index entry per charge.
DROP INDEX invoicing.charge_invoice;

-- A run writes an invoice's lines and balance before the invoice itself, which it writes last, holding the lock on
-- the invoice numbers for as short a time as it can; the references are checked at its commit. Every other writer
-- keeps them checked at once (INITIALLY IMMEDIATE).
ALTER TABLE invoicing.invoice_line
    ALTER CONSTRAINT invoice_line_invoice_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE invoicing.invoice_balance
    ALTER CONSTRAINT invoice_balance_invoice_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
