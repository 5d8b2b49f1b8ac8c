-- Contacts and their companies waiting to be synced into HubSpot by the batch-sync template (05): load or
-- update rows here (an ETL, a warehouse job, a CSV import); a row is pending until it is synced, and again
-- whenever updated_at moves past synced_at. The template writes synced_at, the HubSpot ids and sync_error back.
-- Run once in your warehouse (idempotent).
CREATE TABLE IF NOT EXISTS hubspot_contact_sync (
	email text PRIMARY KEY,
	firstname text,
	lastname text,
	jobtitle text,
	phone text,
	company_domain text NOT NULL,
	company_name text,
	industry text,
	numberofemployees integer,
	city text,
	country text,
	updated_at timestamptz NOT NULL DEFAULT now(),
	synced_at timestamptz,
	hubspot_contact_id text,
	hubspot_company_id text,
	sync_error text
);
CREATE INDEX IF NOT EXISTS hubspot_contact_sync_pending ON hubspot_contact_sync (company_domain)
	WHERE synced_at IS NULL OR synced_at < updated_at;

-- The company a domain, website URL or email domain names, as the sync groups contacts: lower case, without
-- scheme, "www.", path and port (https://www.Acme.com/about → acme.com). HubSpot (RevOps) normalizes further
-- (registrable domain: shop.acme.co.uk → acme.co.uk).
CREATE OR REPLACE FUNCTION revops_company_key(domain text) RETURNS text
	LANGUAGE sql IMMUTABLE AS
$$ SELECT nullif(split_part(split_part(split_part(regexp_replace(lower(trim(domain)), '^([a-z][a-z0-9+.-]*://)?(www\.)?', ''), '/', 1), ':', 1), '?', 1), '') $$;

-- One row per company with pending contacts: its latest non-empty firmographics and its contacts as a list,
-- so each company is written once per run however its contacts are spread.
CREATE OR REPLACE VIEW hubspot_sync_pending_companies AS
SELECT
	revops_company_key(company_domain) AS domain,
	(array_agg(company_name ORDER BY updated_at DESC) FILTER (WHERE company_name IS NOT NULL))[1] AS name,
	(array_agg(industry ORDER BY updated_at DESC) FILTER (WHERE industry IS NOT NULL))[1] AS industry,
	(array_agg(numberofemployees ORDER BY updated_at DESC) FILTER (WHERE numberofemployees IS NOT NULL))[1] AS numberofemployees,
	(array_agg(city ORDER BY updated_at DESC) FILTER (WHERE city IS NOT NULL))[1] AS city,
	(array_agg(country ORDER BY updated_at DESC) FILTER (WHERE country IS NOT NULL))[1] AS country,
	json_agg(
		json_build_object('email', email, 'firstname', firstname, 'lastname', lastname, 'jobtitle', jobtitle, 'phone', phone)
		ORDER BY email
	) AS contacts
FROM hubspot_contact_sync
WHERE synced_at IS NULL OR synced_at < updated_at
GROUP BY 1;
