-- What a client owes is summed over its issued invoices (status 3 and 4) on every read of
-- an invoice (the Cloud API's client_due_sum). This index holds the three amounts of
-- exactly those invoices, so the sum is read from the index alone (once vacuum has
-- marked the table's pages all-visible) instead of from every invoice row of the client.
-- The statement names the two statuses as constants, which the planner matches against
-- the index's predicate. H2, the embedded database, has no partial or covering indexes
-- and keeps using invoice_client_idx.
create index invoice_client_due_idx on invoice (organization_id, client_id)
    include (total_with_vat, paid_amount, written_off_amount)
    where status in (3, 4);
