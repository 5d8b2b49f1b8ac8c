-- Dead letters of the error handler (template 04): one row per failed execution it did not retry (a
-- permanent error, or a retry that failed again), with what its trigger received. Replay one after fixing
-- the cause with a signed POST {"id": <id>} to the handler's "Replay a dead letter" webhook: the execution
-- runs again with the current workflow and the row becomes 'replayed' (a replay that fails again is parked
-- as a new row). Template 07 counts rows still 'parked' in its backlog. Run once in your warehouse.
CREATE TABLE IF NOT EXISTS dead_letter (
	id bigserial PRIMARY KEY,
	parked_at timestamptz NOT NULL DEFAULT now(),
	workflow_id text NOT NULL,
	workflow text NOT NULL,
	-- NULL when the trigger itself failed (no execution exists, nothing to replay).
	execution_id text UNIQUE,
	execution_url text,
	-- The original execution when this one was already a retry.
	retry_of text,
	failed_node text,
	error_message text NOT NULL,
	-- 'transient' (rate limit, 5xx, timeout, connection reset) or 'permanent'.
	error_type text NOT NULL,
	http_code text,
	park_reason text,
	attempts integer NOT NULL DEFAULT 1,
	-- The items the failed execution's trigger produced (webhooks: body and query, never headers).
	payload jsonb,
	-- 'parked', 'replaying' while a replay runs, then 'replayed'.
	status text NOT NULL DEFAULT 'parked',
	replayed_at timestamptz,
	replay_execution_id text,
	-- The replayed execution's final status ('success', or 'error' and a new parked row).
	replay_status text
);
CREATE INDEX IF NOT EXISTS dead_letter_status ON dead_letter (status, parked_at);
