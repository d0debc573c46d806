-- What the Clinic API adds to an invoice: its patient and appointment, the exact issue and due
-- times it was given, tags, and a UUID for each row (the Clinic API's ids are UUIDs).

-- The patient the invoice is for, as the Clinic API names it (rows keep their own patients).
alter table invoice add column patient_id bigint;
alter table invoice add constraint invoice_patient_fkey foreign key (organization_id, patient_id)
    references patient (organization_id, id);

-- The appointment (consultation) the invoice refers to, without being made from it:
-- consultation_id stays the consultation an invoice was finalized from.
alter table invoice add column appointment_id bigint;
alter table invoice add constraint invoice_appointment_fkey foreign key (organization_id, appointment_id)
    references consultation (organization_id, id);

-- The instants behind invoice_date and invoice_due_date when a client gave times; shown only
-- while they still fall on those dates.
alter table invoice add column issue_time timestamp with time zone;
alter table invoice add column due_time timestamp with time zone;

create index invoice_created_idx on invoice (organization_id, created, id);
create index invoice_patient_idx on invoice (organization_id, patient_id);
create index invoice_appointment_idx on invoice (organization_id, appointment_id);

create table invoice_tag (
    organization_id  bigint       not null,
    invoice_id       bigint       not null,
    tag              varchar(50)  not null,
    constraint invoice_tag_pkey primary key (organization_id, invoice_id, tag),
    constraint invoice_tag_invoice_fkey foreign key (organization_id, invoice_id)
        references invoice (organization_id, id)
);

create index invoice_tag_tag_idx on invoice_tag (organization_id, tag, invoice_id);

-- Existing rows get their UUIDs in the database-specific V7_1.
alter table invoice_row add column uuid uuid;
