-- UUIDs for the invoice rows that existed before V7.
update invoice_row set uuid = random_uuid() where uuid is null;
alter table invoice_row alter column uuid set not null;
alter table invoice_row add constraint invoice_row_uuid_key unique (organization_id, uuid);
