-- Set-based data generator of the benchmark (./vetbill bench), run by psql:
--   psql -v n=1000000 -v org=<organization id> -v t_open=<id> -v t_paid=<id> -v t_part=<id> -v t_prepaid=<id> -f bench/generate.sql
-- It clones template invoices that the harness made through the API (finalized, with three rows;
-- one left open, one paid in full by card, one paid in part, one paid in part from a prepayment),
-- so every generated row has exactly the columns and values vetbill writes: only the keys, uuids,
-- invoice numbers, reference numbers and timestamps differ. Invoice g of n is 100 ms older than
-- invoice g + 1, so the newest one is the templates' age and modified__gte pages spread over time.
-- Mix: 1 in 20 paid in part from a prepayment, 1 in 20 paid in part by card, 2 in 10 paid in full,
-- the rest open. The invoices belong to n / 20 clients (clones of the templates' client, so about
-- 20 invoices each, as in a clinic), not all to one. Nothing is written to the audit log (its chain starts at the templates' events).
\set ON_ERROR_STOP on
\timing on
\o /dev/null
select set_config('bench.n', :'n', false), set_config('bench.org', :'org', false),
	set_config('bench.t_open', :'t_open', false), set_config('bench.t_paid', :'t_paid', false),
	set_config('bench.t_part', :'t_part', false), set_config('bench.t_prepaid', :'t_prepaid', false) \gset

-- the Finnish reference number (ReferenceNumbers.finnish): base + check digit, weights 7, 3, 1 from the right
create function pg_temp.finnish(base text) returns text language sql immutable as $$
	select base || ((10 - sum(substr(reverse(base), i, 1)::int * (array[7, 3, 1])[(i - 1) % 3 + 1]) % 10) % 10)::text
	from generate_series(1, length(base)) i
$$;

-- the templates' reference numbers are what finnish() computes, or the clones' would not be vetbill's
do $$ begin
	if exists (select 1 from invoice t where t.organization_id = current_setting('bench.org')::bigint
			and t.id in (current_setting('bench.t_open')::bigint, current_setting('bench.t_paid')::bigint,
				current_setting('bench.t_part')::bigint, current_setting('bench.t_prepaid')::bigint)
			and t.reference_number is distinct from pg_temp.finnish(t.department_id::text || lpad(t.invoice_number::text, 9, '0'))) then
		raise exception 'the templates'' reference numbers are not Finnish ones of department and number: '
			'bench/generate.sql clones only organizations with reference_number_format FINNISH';
	end if;
end $$;

-- the select list copying every column of a table from alias t, but for the columns overridden
create function pg_temp.select_list(tbl text, overrides jsonb) returns text language sql stable as $$
	select string_agg(coalesce(overrides ->> column_name, 't.' || column_name), ', ' order by ordinal_position)
	from information_schema.columns where table_schema = current_schema() and table_name = tbl
$$;
create function pg_temp.column_list(tbl text) returns text language sql stable as $$
	select string_agg(column_name, ', ' order by ordinal_position)
	from information_schema.columns where table_schema = current_schema() and table_name = tbl
$$;

\echo 'clients (clones of the client of the templates)'
create temp table gen_client as
select c, (select max(id) from client) + c as id
from generate_series(1, greatest(current_setting('bench.n')::bigint / 20, 1)) c;
select format('insert into client (%s) select %s from gen_client join client t on t.organization_id = %s '
	|| 'and t.id = (select client_id from invoice where organization_id = %3$s and id = %s)',
	pg_temp.column_list('client'), pg_temp.select_list('client', jsonb_build_object(
		'id', 'gen_client.id', 'uuid', 'gen_random_uuid()')),
	current_setting('bench.org'), current_setting('bench.t_open')) \gexec
select setval(pg_get_serial_sequence('client', 'id'), (select max(id) from gen_client) + 1000);

\echo 'plan: which template each invoice copies, its keys and its age'
create temp table gen as
select g,
	case when g % 20 = 0 then current_setting('bench.t_prepaid')::bigint
		when g % 20 = 1 then current_setting('bench.t_part')::bigint
		when g % 10 in (2, 3) then current_setting('bench.t_paid')::bigint
		else current_setting('bench.t_open')::bigint end as template,
	(select max(id) from invoice) + g as id,
	(select max(id) from unallocated_payment) + g as prepayment_id,
	c.last_number + g as number,
	(select min(id) from gen_client) + g % (select count(*) from gen_client) as client_id,
	((current_setting('bench.n')::bigint - g) * 100) * interval '1 millisecond' as age
from generate_series(1, current_setting('bench.n')::bigint) g,
	invoice t join invoice_number_counter c on c.organization_id = t.organization_id and c.department_id = t.department_id
where t.organization_id = current_setting('bench.org')::bigint and t.id = current_setting('bench.t_open')::bigint;
analyze gen;
create temp table bases as select
	(select coalesce(max(id), 0) from invoice_row) as row_id,
	(select coalesce(max(id), 0) from invoice_payment) as payment_id;

\echo 'invoices'
select format('insert into invoice (%s) select %s from gen join invoice t on t.organization_id = %s and t.id = gen.template',
	pg_temp.column_list('invoice'), pg_temp.select_list('invoice', jsonb_build_object(
		'id', 'gen.id', 'uuid', 'gen_random_uuid()', 'invoice_number', 'gen.number', 'client_id', 'gen.client_id',
		'reference_number', 'case when t.reference_number is null then null '
			|| 'else pg_temp.finnish(t.department_id::text || lpad(gen.number::text, 9, ''0'')) end',
		'invoice_date', 't.invoice_date - extract(day from gen.age)::int',
		'invoice_due_date', 't.invoice_due_date - extract(day from gen.age)::int',
		'issue_time', 't.issue_time - gen.age', 'due_time', 't.due_time - gen.age',
		'date_paid', 't.date_paid - gen.age', 'finalized_time', 't.finalized_time - gen.age',
		'created', 't.created - gen.age', 'modified', 't.modified - gen.age')),
	current_setting('bench.org')) \gexec

\echo 'invoice rows'
-- the templates' rows and payments, numbered within their invoice, joined by hash to the plan
create temp table template_row as
select r.*, row_number() over (partition by r.invoice_id order by r.position, r.id) as k,
	count(*) over (partition by r.invoice_id) as per
from invoice_row r where r.organization_id = current_setting('bench.org')::bigint
	and r.invoice_id in (select distinct template from gen);
create temp table template_payment as
select p.*, row_number() over (partition by p.invoice_id order by p.id) as k
from invoice_payment p where p.organization_id = current_setting('bench.org')::bigint
	and p.invoice_id in (select distinct template from gen);
select format('insert into invoice_row (%s) select %s from gen join template_row t on t.invoice_id = gen.template, bases',
	pg_temp.column_list('invoice_row'), pg_temp.select_list('invoice_row', jsonb_build_object(
		'id', 'bases.row_id + (gen.g - 1) * 4 + t.k', 'invoice_id', 'gen.id', 'uuid', 'gen_random_uuid()',
		'created', 't.created - gen.age', 'modified', 't.modified - gen.age'))) \gexec

\echo 'prepayments (one per invoice paid from one)'
select format('insert into unallocated_payment (%s) select %s from gen join unallocated_payment t '
	|| 'on t.organization_id = %s and t.id = (select p.unallocated_payment_id from invoice_payment p '
	|| 'where p.organization_id = %3$s and p.invoice_id = gen.template and p.unallocated_payment_id is not null limit 1)',
	pg_temp.column_list('unallocated_payment'), pg_temp.select_list('unallocated_payment', jsonb_build_object(
		'id', 'gen.prepayment_id', 'client_id', 'gen.client_id', 'payment_date', 't.payment_date - extract(day from gen.age)::int',
		'created', 't.created - gen.age', 'modified', 't.modified - gen.age')),
	current_setting('bench.org')) \gexec

\echo 'payments'
select format('insert into invoice_payment (%s) select %s from gen join template_payment t on t.invoice_id = gen.template, bases',
	pg_temp.column_list('invoice_payment'), pg_temp.select_list('invoice_payment', jsonb_build_object(
		'id', 'bases.payment_id + (gen.g - 1) * 4 + t.k', 'invoice_id', 'gen.id',
		'unallocated_payment_id', 'case when t.unallocated_payment_id is null then null else gen.prepayment_id end',
		'payment_date', 't.payment_date - gen.age', 'created', 't.created - gen.age', 'modified', 't.modified - gen.age'))) \gexec

\echo 'number counter and key sequences'
update invoice_number_counter c set last_number = (select max(number) from gen)
from invoice t where t.organization_id = current_setting('bench.org')::bigint
	and t.id = current_setting('bench.t_open')::bigint and c.organization_id = t.organization_id
	and c.department_id = t.department_id;
select setval(pg_get_serial_sequence(tbl, 'id'), (select max(id) from gen) + 1000)
from unnest(array['invoice']) tbl;
select setval(pg_get_serial_sequence('unallocated_payment', 'id'), (select max(prepayment_id) from gen) + 1000);
select setval(pg_get_serial_sequence('invoice_row', 'id'), (select coalesce(max(id), 0) from invoice_row) + 1000);
select setval(pg_get_serial_sequence('invoice_payment', 'id'), (select coalesce(max(id), 0) from invoice_payment) + 1000);

\echo 'analyze (autovacuum may be off: statistics are refreshed here)'
analyze;
