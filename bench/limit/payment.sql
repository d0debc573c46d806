-- The limit of POST invoicepayment/ with an Idempotency-Key: the writes and the locks vetbill's
-- payment transaction must make, in its order, with prepared statements (pgbench -M prepared).
-- Variables (-D): org (the organization), dept (its department), base and open (the open invoices
-- of bench/generate.sql are base + g for the g it leaves open: g mod 20 in 4..9 or 14..19), actor
-- (the API client as vetbill writes it, client:admin; a colon cannot be written in the script, where
-- pgbench would read it as a variable).
\set k random(0, :open - 1)
\set g (:k / 12) * 20 + case when :k % 12 < 6 then 4 + :k % 12 else 8 + :k % 12 end
\set id :base + :g
\set key random(1, 9000000000000000000)
begin;
-- the idempotency key, reserved until the answer is stored
insert into idempotent_request (organization_id, actor, idempotency_key, request_hash, response_status, created)
	values (:org, :actor, 'pgbench-' || :key::text, '10abe76d96d36c9808b25ac622717dae718798458faa21604435f225d3a3b22e', 0, now());
-- the invoice's row lock, reading its balance
select status, total_with_vat, paid_amount, written_off_amount, date_paid from invoice
	where organization_id = :org and id = :id for update;
insert into invoice_payment (organization_id, invoice_id, department_id, payment_type, paid, payment_date, info,
	cancels_payment_id, unallocated_payment_id, credit_note_id, created, modified)
	values (:org, :id, :dept, 0, 0.01, now(), null, null, null, null, now(), now()) returning id \gset payment_
update invoice set paid_amount = paid_amount + 0.01, date_paid = null, modified = now(), version = version + 1
	where organization_id = :org and id = :id;
-- the outbox: one delivery per active webhook of the two triggers (none in the benchmark)
insert into webhook_delivery (organization_id, webhook_id, trigger_type, object_type, object_id, state, attempts,
	next_try, created, modified, actor)
	select w.organization_id, w.id, w.trigger_type, e.object_type, e.object_id, 'pending', 0, now(), now(), now(), :actor
	from webhook w join (values (11, :dept::bigint, 'invoicepayment', :payment_id::bigint), (9, :dept::bigint, 'invoice', :id::bigint))
		as e (trigger_type, department_id, object_type, object_id) on w.trigger_type = e.trigger_type
	where w.organization_id = :org and w.active and (w.department_id is null or w.department_id = e.department_id);
-- the stored answer of the idempotency key (about the size of vetbill's)
update idempotent_request set response_status = 201, response_type = 'application/json',
	response_body = repeat('x', 560)
	where organization_id = :org and actor = :actor and idempotency_key = 'pgbench-' || :key::text;
-- the audit event, appended to the organization's hash chain under its head's lock
select last_seq + 1 as seq from audit_chain_head where organization_id = :org for update \gset
insert into audit_event (organization_id, occurred, actor, action, entity_type, entity_id, details, chain_seq, prev_hash, hash)
	values (:org, now(), :actor, 'payment.recorded', 'invoice_payment', :payment_id, repeat('y', 420), :seq,
		'a3411ee750231b7c43c6c68040742526bee9a85242fe5560a9f61eef2ef7c08d',
		'ce47911d98e8ecf72ff0c9468232639901cbc58ed7d51c789686181937b903a9');
update audit_chain_head set last_seq = :seq, last_hash = 'ce47911d98e8ecf72ff0c9468232639901cbc58ed7d51c789686181937b903a9'
	where organization_id = :org;
commit;
