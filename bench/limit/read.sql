-- The limit of reading an invoice with its rows: the two selects vetbill needs, the invoice by
-- its key and its rows by the invoice, on a random invoice of the large organization.
\set id random(:lo, :hi)
select * from invoice where organization_id = :org and id = :id;
select * from invoice_row where organization_id = :org and invoice_id = :id order by position;
