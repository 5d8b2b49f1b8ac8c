-- Webhook router (template 03): events the router stores in the warehouse (invoice.paid), one row per
-- event id (the verified webhook-id): a redelivered event is skipped, not stored twice. Run once.
CREATE TABLE IF NOT EXISTS webhook_events (
	event_id text PRIMARY KEY,
	event_type text NOT NULL,
	occurred_at timestamptz,
	received_at timestamptz NOT NULL DEFAULT now(),
	customer_email text,
	amount numeric(14, 2),
	currency text,
	payload jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX IF NOT EXISTS webhook_events_type_time ON webhook_events (event_type, occurred_at);
