-- Durable queues in your own PostgreSQL, written once for every template that takes one event per request
-- and works in batches: template 03 (webhook router, queue 'webhook-events') and template 01's variant for
-- volumes beyond n8n's Data Table cap (queue 'clay-intake'). The columns are those of template 01's Data Table
-- `revops_clay_intake` (times in epoch milliseconds), so the rows go to Intake Queue → Open Claimed Rows
-- unchanged. A unique (queue, key) refuses a repeat in the database — exact replay protection across n8n
-- processes and queue-mode workers — and a claim is one statement (FOR UPDATE SKIP LOCKED: two drains never
-- take the same row and never wait for each other). Use from n8n's Postgres node:
--   intake:  SELECT revops_queue_enqueue($1, $2, $3, $4) AS stored   -- queue, key, payload, now; false = a repeat
--   drain:   SELECT * FROM revops_queue_claim($1, $2, $3, $4, $5)    -- queue, token, now, lease end, batch size
--   settle:  SELECT revops_queue_settle($1::jsonb)                   -- Intake Queue → Settle Outcomes' Store
--                                                                       Updates, aggregated into one array
--   purge:   DELETE FROM revops_queue WHERE queue = $1 AND state = 'done' AND done_at < $2
--   one run at a time: SELECT * FROM revops_queue_lock($1, $2, $3, $4) / revops_queue_unlock($1, $2)
-- Run once; idempotent.
CREATE TABLE IF NOT EXISTS revops_queue (
	id bigserial PRIMARY KEY,
	queue text NOT NULL,
	key text NOT NULL,
	payload text NOT NULL,
	state text NOT NULL DEFAULT 'pending',
	attempts integer NOT NULL DEFAULT 0,
	available_at double precision NOT NULL,
	claim text NOT NULL DEFAULT '',
	last_error text NOT NULL DEFAULT '',
	received_at double precision NOT NULL,
	done_at double precision NOT NULL DEFAULT 0,
	UNIQUE (queue, key)
);
CREATE INDEX IF NOT EXISTS revops_queue_due ON revops_queue (queue, available_at, id)
	WHERE state IN ('pending', 'claimed');

CREATE OR REPLACE FUNCTION revops_queue_enqueue(
	p_queue text, p_key text, p_payload text, p_now double precision
) RETURNS boolean LANGUAGE sql AS $$
	WITH inserted AS (
		INSERT INTO revops_queue (queue, key, payload, available_at, received_at)
		VALUES (p_queue, p_key, p_payload, p_now, p_now)
		ON CONFLICT (queue, key) DO NOTHING
		RETURNING id
	)
	SELECT EXISTS (SELECT 1 FROM inserted);
$$;

CREATE OR REPLACE FUNCTION revops_queue_claim(
	p_queue text, p_token text, p_now double precision, p_lease_until double precision, p_limit integer
) RETURNS SETOF revops_queue LANGUAGE sql AS $$
	UPDATE revops_queue q
	SET state = 'claimed', claim = p_token, available_at = p_lease_until
	WHERE q.id IN (
		SELECT id FROM revops_queue
		WHERE queue = p_queue AND state IN ('pending', 'claimed') AND available_at <= p_now
		ORDER BY id
		LIMIT p_limit
		FOR UPDATE SKIP LOCKED
	)
	RETURNING q.*;
$$;

-- Writes a drain's outcomes back in one statement, each row only while the claim is still this drain's (a
-- claim whose lease expired belongs to the next drain). Returns how many rows were written.
CREATE OR REPLACE FUNCTION revops_queue_settle(p_updates jsonb) RETURNS integer LANGUAGE sql AS $$
	WITH u AS (
		SELECT * FROM jsonb_to_recordset(p_updates) AS u(
			id bigint, state text, attempts integer, available_at double precision, claim text,
			last_error text, done_at double precision, token text)
	), written AS (
		UPDATE revops_queue q
		SET state = u.state, attempts = u.attempts, available_at = u.available_at, claim = u.claim,
			last_error = u.last_error, done_at = u.done_at
		FROM u WHERE q.id = u.id AND q.claim = u.token
		RETURNING q.id
	)
	SELECT count(*)::integer FROM written;
$$;

-- Parked rows (state 'dead') go back to the queue: template 04's replay, or by hand.
CREATE OR REPLACE FUNCTION revops_queue_replay(p_queue text, p_ids bigint[], p_now double precision)
RETURNS SETOF revops_queue LANGUAGE sql AS $$
	UPDATE revops_queue
	SET state = 'pending', attempts = 0, available_at = p_now, claim = '', last_error = ''
	WHERE queue = p_queue AND state = 'dead' AND id = ANY (p_ids)
	RETURNING *;
$$;

-- One run at a time (template 05's sync; any drain that must not overlap another): the queue's lock row,
-- taken with a lease by one atomic UPDATE. Returns the lock row either way, so Intake Queue → Check the Drain
-- Lock tells "held" (claim = this run's token) from "held elsewhere until available_at". A run that died keeps
-- it until the lease ends.
CREATE OR REPLACE FUNCTION revops_queue_lock(
	p_queue text, p_token text, p_now double precision, p_lease_until double precision
) RETURNS SETOF revops_queue LANGUAGE sql AS $$
	INSERT INTO revops_queue (queue, key, payload, state, available_at, received_at)
	VALUES (p_queue, '__drain_lock__', '{}', 'lock', 0, p_now)
	ON CONFLICT (queue, key) DO NOTHING;
	UPDATE revops_queue SET claim = p_token, available_at = p_lease_until
	WHERE queue = p_queue AND key = '__drain_lock__' AND available_at <= p_now;
	SELECT * FROM revops_queue WHERE queue = p_queue AND key = '__drain_lock__';
$$;

CREATE OR REPLACE FUNCTION revops_queue_unlock(p_queue text, p_token text)
RETURNS SETOF revops_queue LANGUAGE sql AS $$
	UPDATE revops_queue SET claim = '', available_at = 0
	WHERE queue = p_queue AND key = '__drain_lock__' AND claim = p_token
	RETURNING *;
$$;
