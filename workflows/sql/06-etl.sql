-- Companies loaded by the ETL template (06), one row per company domain (the natural key): re-loading the
-- same file changes nothing, a changed value updates its row and moves last_changed_at. Run once in your
-- warehouse.
CREATE TABLE IF NOT EXISTS etl_companies (
	-- Website host without scheme, www., path or port (or a work email's domain), lower case.
	domain text PRIMARY KEY,
	name text,
	contact_email text,
	industry text,
	employees integer,
	-- "Updated At" of the source row (of the most recent one when duplicates were merged).
	source_updated_at timestamptz,
	first_loaded_at timestamptz NOT NULL DEFAULT now(),
	last_changed_at timestamptz NOT NULL DEFAULT now()
);
