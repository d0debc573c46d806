-- The organization's hard lock date: no document, payment, cancellation or correction may be
-- dated before it, whoever asks, and it only ever moves forward (see docs/billing-rules.md).
alter table organization add column hard_lock_date date;
