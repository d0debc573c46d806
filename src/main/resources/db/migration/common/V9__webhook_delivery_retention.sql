-- Ended deliveries are removed from the log once past vetbill.webhooks.retention.
create index webhook_delivery_ended_idx on webhook_delivery (state, modified);
