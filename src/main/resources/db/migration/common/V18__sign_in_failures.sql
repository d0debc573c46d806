-- Failed sign-ins on the token endpoints and the sign-in page, counted per account and per
-- client address, so that guessing a password or client secret is throttled (see
-- security.SignInThrottle). One row per account (kind 'client' or 'user', subject
-- '<organization id>:<client id or username>') or address (kind 'address', subject the IP
-- address); shared by every vetbill node on this database. A success deletes the account's row.
create table sign_in_failure (
    kind          varchar(16)   not null,
    subject       varchar(400)  not null,
    failures      integer       not null,
    locked_until  timestamp with time zone,
    last_failure  timestamp with time zone not null,
    constraint sign_in_failure_pkey primary key (kind, subject)
);
