-- Two-way sync of HubSpot companies with the warehouse table crm_companies (template 08). Run once in your
-- warehouse (idempotent). Add a column here and a line to the Two-Way Sync node's Fields to sync one more
-- property: the write function below writes whatever columns the sync sends.
SET client_min_messages = warning;

-- The companies as the warehouse holds them. updated_at moves on every change (the trigger), which is how
-- the sync finds the rows changed since its last run; deleted_at is the soft-delete flag a HubSpot archive
-- sets, and setting it here archives the company in HubSpot.
CREATE TABLE IF NOT EXISTS crm_companies (
	id bigserial PRIMARY KEY,
	name text,
	domain text,
	city text,
	country text,
	industry text,
	employee_count integer,
	annual_revenue numeric,
	lifecycle_stage text,
	updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
	deleted_at timestamptz
);
CREATE INDEX IF NOT EXISTS crm_companies_updated_at ON crm_companies (updated_at);

CREATE OR REPLACE FUNCTION crm_companies_touch() RETURNS trigger
	LANGUAGE plpgsql AS
$$ BEGIN
	NEW.updated_at := clock_timestamp();
	RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS crm_companies_touch ON crm_companies;
CREATE TRIGGER crm_companies_touch BEFORE UPDATE ON crm_companies
	FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION crm_companies_touch();

-- What the sync remembers per linked pair (the engine's state, written by Apply Outcomes), and per sync its
-- watermarks, its lease (one run at a time, across queue-mode workers) and its last summary.
CREATE TABLE IF NOT EXISTS revops_sync_state (
	sync text NOT NULL,
	key text NOT NULL,
	source_id text,
	target_id text,
	retry boolean NOT NULL DEFAULT false,
	state jsonb NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (sync, key)
);

CREATE TABLE IF NOT EXISTS revops_sync_runs (
	sync text PRIMARY KEY,
	hubspot_watermark timestamptz,
	warehouse_watermark timestamptz,
	lease_token text,
	lease_until timestamptz,
	last_run_at timestamptz,
	last_summary jsonb
);

-- Takes the run's lease: one row when this run may go on (with the watermarks), none while another run
-- holds an unexpired lease. A run that died leaves its lease to expire.
CREATE OR REPLACE FUNCTION revops_sync_start(p_sync text, p_token text, p_lease interval)
	RETURNS SETOF revops_sync_runs
	LANGUAGE sql AS
$$
	INSERT INTO revops_sync_runs (sync) VALUES (p_sync) ON CONFLICT (sync) DO NOTHING;
	UPDATE revops_sync_runs
	SET lease_token = p_token, lease_until = now() + p_lease
	WHERE sync = p_sync AND (lease_until IS NULL OR lease_until < now() OR lease_token = p_token)
	RETURNING *;
$$;

-- The warehouse writes of one run, each in its own savepoint: one result per write, as Apply Outcomes reads
-- them ({side, key, ok, id, updatedAt, error}). A row the database refuses fails alone.
CREATE OR REPLACE FUNCTION revops_sync_write_crm_companies(p_writes jsonb)
	RETURNS TABLE (side text, key text, ok boolean, id text, "updatedAt" timestamptz, error text)
	LANGUAGE plpgsql AS
$$
DECLARE
	w jsonb;
	cols text;
	sets text;
	new_id bigint;
	new_at timestamptz;
BEGIN
	FOR w IN SELECT * FROM jsonb_array_elements(coalesce(p_writes, '[]'::jsonb)) LOOP
		side := 'warehouse';
		key := w->>'key';
		BEGIN
			IF w->>'action' = 'insert' THEN
				SELECT string_agg(format('%I', k), ', ') INTO cols FROM jsonb_object_keys(w->'values') k;
				EXECUTE format(
					'INSERT INTO crm_companies (%s) SELECT %s FROM jsonb_populate_record(NULL::crm_companies, $1) r RETURNING id, updated_at',
					cols, (SELECT string_agg(format('r.%I', k), ', ') FROM jsonb_object_keys(w->'values') k))
					INTO new_id, new_at USING w->'values';
			ELSIF w->>'action' = 'update' THEN
				SELECT string_agg(format('%I = r.%I', k, k), ', ') INTO sets FROM jsonb_object_keys(w->'values') k;
				EXECUTE format(
					'UPDATE crm_companies t SET %s FROM jsonb_populate_record(NULL::crm_companies, $1) r WHERE t.id = $2 RETURNING t.id, t.updated_at',
					sets)
					INTO new_id, new_at USING w->'values', (w->>'id')::bigint;
			ELSIF w->>'action' = 'delete' THEN
				UPDATE crm_companies c SET deleted_at = coalesce(c.deleted_at, clock_timestamp())
				WHERE c.id = (w->>'id')::bigint
				RETURNING c.id, c.updated_at INTO new_id, new_at;
			ELSE
				RAISE EXCEPTION 'unknown action %', w->>'action';
			END IF;
			IF new_id IS NULL THEN
				RAISE EXCEPTION 'row % is not in crm_companies', w->>'id';
			END IF;
			ok := true;
			id := new_id::text;
			"updatedAt" := new_at;
			error := NULL;
		EXCEPTION WHEN OTHERS THEN
			ok := false;
			id := NULL;
			"updatedAt" := NULL;
			error := SQLERRM;
		END;
		new_id := NULL;
		RETURN NEXT;
	END LOOP;
END
$$;

-- Stores the state rows Apply Outcomes outputs (one call for the run).
CREATE OR REPLACE FUNCTION revops_sync_save_state(p_sync text, p_rows jsonb)
	RETURNS integer
	LANGUAGE sql AS
$$
	WITH saved AS (
		INSERT INTO revops_sync_state AS s (sync, key, source_id, target_id, retry, state, updated_at)
		SELECT p_sync, r.key, r.source_id, r.target_id, coalesce(r.retry, false), r.state::jsonb, now()
		FROM jsonb_to_recordset(coalesce(p_rows, '[]'::jsonb))
			AS r(key text, source_id text, target_id text, retry boolean, state text)
		ON CONFLICT (sync, key) DO UPDATE
		SET source_id = excluded.source_id, target_id = excluded.target_id, retry = excluded.retry,
			state = excluded.state, updated_at = excluded.updated_at
		RETURNING 1
	)
	SELECT count(*)::integer FROM saved;
$$;

-- Ends the run: the watermarks move on only when every write succeeded (a failed write's records are read
-- again next run), the summary is kept, the lease released.
CREATE OR REPLACE FUNCTION revops_sync_finish(p_sync text, p_token text, p_summary jsonb)
	RETURNS SETOF revops_sync_runs
	LANGUAGE sql AS
$$
	UPDATE revops_sync_runs
	SET hubspot_watermark = CASE WHEN (p_summary->>'failedWrites')::int = 0
			THEN greatest(hubspot_watermark, (p_summary->'watermarks'->>'hubspot')::timestamptz)
			ELSE hubspot_watermark END,
		warehouse_watermark = CASE WHEN (p_summary->>'failedWrites')::int = 0
			THEN greatest(warehouse_watermark, (p_summary->'watermarks'->>'warehouse')::timestamptz)
			ELSE warehouse_watermark END,
		last_run_at = now(),
		last_summary = p_summary,
		lease_token = NULL,
		lease_until = NULL
	WHERE sync = p_sync AND lease_token = p_token
	RETURNING *;
$$;
