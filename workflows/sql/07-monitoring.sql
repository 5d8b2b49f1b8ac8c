-- The work queue whose depth template 07 watches (backlog > 1000 pending): a pipeline adds a row per record
-- it has still to process and marks it 'done' (or deletes it) when finished. Rows parked in dead_letter
-- (04-dead-letter.sql) count as backlog too. Run once in your warehouse.
CREATE TABLE IF NOT EXISTS pipeline_queue (
	id bigserial PRIMARY KEY,
	enqueued_at timestamptz NOT NULL DEFAULT now(),
	workflow text NOT NULL,
	record_id text,
	-- 'pending' until processed, then 'done'.
	status text NOT NULL DEFAULT 'pending',
	processed_at timestamptz,
	payload jsonb
);
CREATE INDEX IF NOT EXISTS pipeline_queue_status ON pipeline_queue (status);
