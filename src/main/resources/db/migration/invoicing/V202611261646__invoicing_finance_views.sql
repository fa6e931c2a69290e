-- The finance views (revenue page and API): an ISV's products on channel partners' invoices are found by their
-- publisher. Only resold lines carry a wholesale amount, so the index holds those alone.
CREATE INDEX invoice_line_resold ON invoicing.invoice_line (publisher_party_id, invoice_id)
    WHERE wholesale_minor IS NOT NULL;
