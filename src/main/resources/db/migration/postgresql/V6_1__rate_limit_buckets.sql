-- The rate limits' token buckets when they are counted in the database (vetbill.rate-limit.store =
-- database, the default on PostgreSQL): Bucket4j's table, one row per API caller, API, endpoint
-- action and limit, shared by every vetbill node on this database. The id starts with the
-- organization id; the row holds counters only, no tenant data. expires_at (epoch milliseconds)
-- is when the bucket will have refilled completely; vetbill deletes such rows once a minute. No
-- index on it, so that the update of each request stays a HOT update of a row that fits its page.
create table rate_limit_bucket (
    id         text   primary key,
    state      bytea,
    expires_at bigint
) with (fillfactor = 70);
