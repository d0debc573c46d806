-- Who made the change a delivery tells of (the caller's actor, as the audit log records
-- it), sent in the webhook body as "user" beside the id and the change's "timestamp"
-- (the delivery's created). Null on deliveries queued before this column existed.
alter table webhook_delivery add column actor varchar(200);
