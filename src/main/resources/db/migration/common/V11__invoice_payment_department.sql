-- A payment carries its invoice's department, so the payments module reads and filters
-- its own table without joining invoicing's (the invoice's department never changes).
alter table invoice_payment add column department_id bigint;

update invoice_payment set department_id = (
    select i.department_id from invoice i
    where i.organization_id = invoice_payment.organization_id and i.id = invoice_payment.invoice_id);

alter table invoice_payment alter column department_id set not null;

create index invoice_payment_department_idx on invoice_payment (organization_id, department_id);
alter table invoice_payment add constraint invoice_payment_department_fkey
    foreign key (organization_id, department_id) references department (organization_id, id);
