// Demo of template 05 (HubSpot batch sync): thousands of contacts with their companies waiting in the
// warehouse table hubspot_contact_sync, and the template's "Run now" webhook called with a Standard Webhooks
// signature (the nightly schedule does the same at 02:00). The sync answers 202 at once and runs on; the demo
// waits for it and returns the summary it logged and posted to Slack.
import type { N8nInstance } from '../harness';
import { send, signedRequest } from '../stack/signed';
import {
	executionsOf,
	slackMessages,
	templateWorkflowId,
	waitFor,
	type Execution,
} from '../stack/support';
import type { DemoContext, TemplateDemo } from '../stack/templates';
import type { Warehouse } from '../stack/warehouse';

export const SLUG = '05-hubspot-batch-sync';
export const WORKFLOW_NAME = 'RevOps 05: HubSpot batch sync (rate-limited backfill)';
export const RUN_NOW_PATH = 'hubspot-batch-sync';
export const SUMMARY_CHANNEL = 'revops-alerts';
/** Contacts the demo loads into an empty table (a quarter as many companies). */
export const DEMO_CONTACTS = 5000;
/** Contacts the demo marks as changed when the table is already synced: the next run re-syncs only those. */
export const DEMO_CHANGES = 500;

const INDUSTRIES = ['Software', 'Retail', 'Financial Services', 'Healthcare', 'Manufacturing'];
const CITIES = ['Berlin', 'Austin', 'London', 'Toronto', 'Singapore'];
const TITLES = ['CEO', 'CTO', 'VP Sales', 'RevOps Manager'];

const sqlList = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]`;

/**
 * Adds `contacts` rows (contact n = contact{n}@acct{c}.com, `perCompany` contacts per company acct{c}.com,
 * written in three spellings) to hubspot_contact_sync, as an ETL would. Existing emails are left alone.
 */
export function loadSampleContacts(warehouse: Warehouse, contacts: number, perCompany = 4): void {
	warehouse.exec(`
		INSERT INTO hubspot_contact_sync (email, firstname, lastname, jobtitle, company_domain, company_name,
			industry, numberofemployees, city, country)
		SELECT format('contact%s@acct%s.com', n, c), 'First' || n, 'Last' || n,
			(${sqlList(TITLES)})[1 + n % ${TITLES.length}],
			(ARRAY[format('acct%s.com', c), format('https://www.acct%s.com/about', c), format('WWW.ACCT%s.COM', c)])[1 + n % 3],
			format('Account %s', c),
			(${sqlList(INDUSTRIES)})[1 + c % ${INDUSTRIES.length}],
			10 * c,
			(${sqlList(CITIES)})[1 + c % ${CITIES.length}],
			'Country ' || (c % 7)
		FROM generate_series(1, ${contacts}) AS n, LATERAL (SELECT 1 + (n - 1) / ${perCompany} AS c) AS company
		ON CONFLICT (email) DO NOTHING;
	`);
}

/** Marks `count` contacts as changed since their last sync (what an ETL updating the rows does). */
export function touchContacts(warehouse: Warehouse, count: number): void {
	warehouse.exec(`
		UPDATE hubspot_contact_sync SET updated_at = now()
		WHERE email IN (SELECT email FROM hubspot_contact_sync ORDER BY md5(email || now()::text) LIMIT ${count});
	`);
}

/** POSTs the "Run now" webhook with a Standard Webhooks signature; the template answers 202 and runs on. */
export async function triggerSync(n8n: N8nInstance) {
	return await send(
		signedRequest('standardWebhooks', n8n.webhookUrl(RUN_NOW_PATH), { reason: 'demo' }),
	);
}

/** Triggers one sync and waits until its execution has finished (minutes for tens of thousands of rows). */
export async function runSync(n8n: N8nInstance, timeoutMs = 15 * 60_000): Promise<Execution> {
	const workflowId = templateWorkflowId(n8n, SLUG);
	const before = new Set((await executionsOf(n8n, workflowId)).map((e) => e.id));
	const answer = await triggerSync(n8n);
	if (answer.status !== 202)
		throw new Error(`Run now answered ${answer.status}: ${JSON.stringify(answer.body)}`);
	return await waitFor(
		'the sync to finish',
		async () =>
			(await executionsOf(n8n, workflowId)).find(
				(e) => !before.has(e.id) && !['new', 'running', 'waiting'].includes(e.status),
			),
		timeoutMs,
	);
}

export const demo: TemplateDemo = {
	slug: SLUG,
	title: `Backfills ${DEMO_CONTACTS.toLocaleString('en')} warehouse contacts and their companies into HubSpot at Free-tier rate limits, with progress rows and a Slack summary`,
	howTo: () =>
		`npm run demo -- ${SLUG}   (first a full backfill; again: ${DEMO_CHANGES} changed contacts re-synced)`,
	async run({ n8n, sandbox, warehouse }: DemoContext) {
		const [{ count }] = warehouse.query<{ count: number }>(
			'SELECT count(*)::int AS count FROM hubspot_contact_sync',
		);
		// First run: a full backfill. Later runs: an incremental sync of the rows that changed since.
		if (count === 0) loadSampleContacts(warehouse, DEMO_CONTACTS);
		else touchContacts(warehouse, DEMO_CHANGES);
		const execution = await runSync(n8n);
		const [finished] = warehouse.query<{ metadata: Record<string, unknown> }>(
			`SELECT metadata FROM workflow_log WHERE workflow = '${SLUG}' AND event = 'sync_finished'
			 AND record_id = '${execution.id}'`,
		);
		const messages = await slackMessages(sandbox, SUMMARY_CHANNEL);
		return { execution, summary: finished?.metadata, slack: messages.at(-1)?.text };
	},
};

export default demo;
