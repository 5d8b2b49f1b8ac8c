-- Structured workflow log in the seeds' format (timestamp, workflow, event, record_id, status, duration_ms,
-- metadata): written by the templates, read by the monitoring template (07). Run once in your warehouse.
CREATE TABLE IF NOT EXISTS workflow_log (
	id bigserial PRIMARY KEY,
	"timestamp" timestamptz NOT NULL DEFAULT now(),
	workflow text NOT NULL,
	event text NOT NULL,
	record_id text,
	status text NOT NULL,
	duration_ms integer,
	metadata jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX IF NOT EXISTS workflow_log_time ON workflow_log ("timestamp");
CREATE INDEX IF NOT EXISTS workflow_log_workflow_status ON workflow_log (workflow, status);
