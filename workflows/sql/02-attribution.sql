-- Multi-touch attribution (template 02): one row per conversion (a contact's form submission) and campaign,
-- with the share of that conversion the campaign earned under the model (position-based: 40 % first touch,
-- 40 % last, 20 % split over the middle). The template upserts on the primary key, so a redelivered
-- webhook rewrites its rows instead of adding to them. Run once in your warehouse.
CREATE TABLE IF NOT EXISTS campaign_attribution (
	contact_id text NOT NULL,
	converted_at timestamptz NOT NULL,
	campaign text NOT NULL,
	model text NOT NULL,
	-- Share of the conversion, 0 to 1; the shares of one conversion sum to 1.
	credit numeric(12, 10) NOT NULL,
	-- Touches of the journey that belong to this campaign.
	touches integer NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (contact_id, converted_at, campaign, model)
);
CREATE INDEX IF NOT EXISTS campaign_attribution_campaign ON campaign_attribution (campaign, converted_at);

-- Campaign performance: credited conversions (the sum of shares), conversions and contacts touched.
CREATE OR REPLACE VIEW campaign_performance AS
SELECT
	model,
	campaign,
	sum(credit) AS credited_conversions,
	count(*) AS conversions_touched,
	count(DISTINCT contact_id) AS contacts,
	sum(touches) AS touches,
	max(converted_at) AS last_conversion_at
FROM campaign_attribution
GROUP BY model, campaign;
