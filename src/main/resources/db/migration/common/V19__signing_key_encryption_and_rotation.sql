-- The keys that sign access tokens are kept encrypted (AES-GCM) with a key-encryption key from
-- the environment (vetbill.security.key-encryption-key), and rotated by key id ("kid").
-- A key stored before this version is plain text (encrypted = false): vetbill encrypts it in
-- place on its first start, keeping its id, so tokens it signed stay valid.
alter table signing_key add column encrypted boolean default false not null;

-- When a newer key took over signing. A retired key still verifies the tokens it signed until
-- they expire (an access token's lifetime after its retirement).
alter table signing_key add column retired timestamp with time zone;
