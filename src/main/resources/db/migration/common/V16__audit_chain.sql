-- The audit log becomes a hash chain per organization (see docs/operations.md, "Audit chain"):
-- each event carries its position in its organization's chain, the hash of the event before it
-- and its own hash, a SHA-256 over a canonical encoding of its fields and that previous hash.
-- The events already there are chained by the Java migration 16.1 (audit.AuditChainBackfillStore).
alter table audit_event add column chain_seq bigint;
alter table audit_event add column prev_hash varchar(64);
alter table audit_event add column hash varchar(64);

create unique index audit_event_chain_idx on audit_event (organization_id, chain_seq);

-- The head of each organization's chain: the position and hash of its last event. A new event
-- locks this row (in the transaction of its change, just before the commit), so concurrent
-- changes form one chain, and a truncated log no longer matches its head.
create table audit_chain_head (
    organization_id  bigint       not null,
    last_seq         bigint       not null,
    last_hash        varchar(64)  not null,
    constraint audit_chain_head_pkey primary key (organization_id),
    constraint audit_chain_head_organization_fkey foreign key (organization_id) references organization (id)
);
