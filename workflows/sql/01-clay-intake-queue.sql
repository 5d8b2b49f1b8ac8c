-- Template 01's intake queue in your own PostgreSQL, for volumes beyond n8n's Data Table cap: the same
-- columns as the Data Table `revops_clay_intake` (times in epoch milliseconds), a unique key so a repeat is
-- refused by the database, and the claim as one statement (FOR UPDATE SKIP LOCKED: two drains never take the
-- same row and never wait for each other). Use from n8n's Postgres node:
--   intake:  SELECT revops_intake_enqueue($1, $2, $3)        -- key, payload, now; false = a repeat
--   drain:   SELECT * FROM revops_intake_claim($1, $2, $3, $4) -- token, now, lease end, batch size
--   settle:  UPDATE revops_clay_intake SET state = …, attempts = …, available_at = …, claim = '', last_error = …,
--            done_at = … WHERE id = $1 AND claim = $2        -- the items of Intake Queue → Settle Outcomes
-- Its rows go to Intake Queue → Open Claimed Rows unchanged. Run once; idempotent.
CREATE TABLE IF NOT EXISTS revops_clay_intake (
	id bigserial PRIMARY KEY,
	key text NOT NULL UNIQUE,
	payload text NOT NULL,
	state text NOT NULL DEFAULT 'pending',
	attempts integer NOT NULL DEFAULT 0,
	available_at double precision NOT NULL,
	claim text NOT NULL DEFAULT '',
	last_error text NOT NULL DEFAULT '',
	received_at double precision NOT NULL,
	done_at double precision NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS revops_clay_intake_due ON revops_clay_intake (available_at, id) WHERE state IN ('pending', 'claimed');

CREATE OR REPLACE FUNCTION revops_intake_enqueue(p_key text, p_payload text, p_now double precision)
RETURNS boolean LANGUAGE sql AS $$
	WITH inserted AS (
		INSERT INTO revops_clay_intake (key, payload, available_at, received_at)
		VALUES (p_key, p_payload, p_now, p_now)
		ON CONFLICT (key) DO NOTHING
		RETURNING id
	)
	SELECT EXISTS (SELECT 1 FROM inserted);
$$;

CREATE OR REPLACE FUNCTION revops_intake_claim(
	p_token text, p_now double precision, p_lease_until double precision, p_limit integer
) RETURNS SETOF revops_clay_intake LANGUAGE sql AS $$
	UPDATE revops_clay_intake q
	SET state = 'claimed', claim = p_token, available_at = p_lease_until
	WHERE q.id IN (
		SELECT id FROM revops_clay_intake
		WHERE state IN ('pending', 'claimed') AND available_at <= p_now
		ORDER BY id
		LIMIT p_limit
		FOR UPDATE SKIP LOCKED
	)
	RETURNING q.*;
$$;
