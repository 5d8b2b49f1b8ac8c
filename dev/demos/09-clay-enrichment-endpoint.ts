// Demo of template 09 (Clay enrichment endpoint: per row, answered with the result), the way Clay drives it: sample accounts in a
// sandbox Clay table, and the sandbox's HTTP API column calling the template's Clay Trigger for each row with
// the shared-secret header, storing the answer (the row's workflow_log entry) back in the table. Before that,
// the template's "Run once: set up HubSpot" branch runs, as a user clicks it once after importing.
import type { N8nInstance } from '../harness';
import { SANDBOX_WEBHOOK_SECRET } from '../stack/credentials';
import { sandboxAdmin } from '../stack/signed';
import { runFromTrigger, type Execution } from '../stack/support';
import type { DemoContext, TemplateDemo } from '../stack/templates';

export const SLUG = '09-clay-enrichment-endpoint';
export const WORKFLOW_NAME =
	'RevOps 09: Clay enrichment endpoint (per row, answers with the result)';
export const CLAY_PATH = 'clay-enrichment';
export const SETUP_TRIGGER = 'Run once: set up HubSpot';
export const CLAY_TABLE = 'target-accounts';
/** Header the Clay Trigger checks; its value is the template's Webhook Signing Secret API credential. */
export const CLAY_SECRET_HEADER = 'x-clay-webhook-secret';

/** A row of the Clay table, with Clay-style column names (cells as Clay holds them). */
export type AccountRow = Record<string, string | number | null>;

export const SAMPLE_ACCOUNTS: AccountRow[] = [
	{
		Company: 'Acme Corp',
		Domain: 'acme.com',
		Email: 'jane.doe@acme.com',
		'First Name': 'Jane',
		'Last Name': 'Doe',
		Title: 'VP Sales',
		Employees: 1200,
		Intent: 90,
		Fit: 95,
	},
	{
		Company: 'Globex',
		Domain: 'globex.com',
		Email: 'hank@globex.com',
		'First Name': 'Hank',
		'Last Name': 'Scorpio',
		Title: 'CEO',
		Employees: 300,
		Intent: 40,
		Fit: 50,
	},
	{
		Company: 'Initech',
		Domain: 'https://www.initech.com/about',
		Email: 'peter@initech.com',
		'First Name': 'Peter',
		'Last Name': 'Gibbons',
		Title: 'Engineer',
		Employees: '2,500',
		Intent: 85,
		Fit: 80,
	},
	{
		Company: 'ACME Corporation',
		Domain: 'WWW.ACME.COM',
		Email: 'john.smith@acme.com',
		'First Name': 'John',
		'Last Name': 'Smith',
		Title: 'RevOps Lead',
		Employees: null,
		Intent: 70,
		Fit: 70,
	},
	{
		Company: 'Umbrella',
		Domain: 'umbrella.com',
		Email: null,
		'First Name': null,
		'Last Name': null,
		Title: null,
		Employees: 50000,
		Intent: 80,
		Fit: 80,
	},
	{
		Company: 'Stark Industries',
		Domain: 'https://stark.com',
		Email: 'pepper@stark.com',
		'First Name': 'Pepper',
		'Last Name': 'Potts',
		Title: 'COO',
		Employees: 15000,
		Intent: 95,
		Fit: 85,
	},
	{
		Company: 'Hooli',
		Domain: 'hooli.com',
		Email: 'gavin@hooli.com',
		'First Name': 'Gavin',
		'Last Name': 'Belson',
		Title: 'CEO',
		Employees: 9000,
		Intent: 100,
		Fit: 90,
	},
	{
		Company: 'Pied Piper',
		Domain: 'not a domain',
		Email: 'richard@piedpiper.com',
		'First Name': 'Richard',
		'Last Name': 'Hendricks',
		Title: 'CEO',
		Employees: 12,
		Intent: 60,
		Fit: 60,
	},
	{
		Company: 'Freelancer',
		Domain: 'gmail.com',
		Email: 'sam.freelance@gmail.com',
		'First Name': 'Sam',
		'Last Name': 'Lance',
		Title: 'Consultant',
		Employees: 1,
		Intent: 90,
		Fit: 90,
	},
	{
		Company: 'Vandelay Industries',
		Domain: 'vandelay.com',
		Email: 'art@vandelay.com',
		'First Name': 'Art',
		'Last Name': 'Vandelay',
		Title: 'Importer',
		Employees: 20,
		Intent: 'N/A',
		Fit: 70,
	},
];

/** A company someone created by hand in HubSpot before the template ran (no domain key yet). */
/** Clay-like accounts, one company per row, about one in eight scoring above 80. */
export function syntheticAccounts(count: number, run: string): AccountRow[] {
	return Array.from({ length: count }, (_, i) => ({
		Company: `Account ${i}`,
		Domain: i % 3 === 0 ? `https://www.account-${run}-${i}.com/about` : `account-${run}-${i}.com`,
		Email: `buyer${i}@account-${run}-${i}.com`,
		'First Name': 'Pat',
		'Last Name': `Buyer ${i}`,
		Title: 'Head of RevOps',
		Employees: 100 + i,
		Intent: i % 8 === 0 ? 95 : 40 + (i % 40),
		Fit: i % 8 === 0 ? 90 : 50,
	}));
}

export const EXISTING_COMPANY = {
	name: 'Stark Industries',
	domain: 'stark.com',
	industry: 'Defense',
};

/** Cells Clay stores from this template's answer (the row's workflow_log entry). */
const ENDPOINT_FIELDS = {
	Status: 'status',
	Outcome: 'event',
	Score: 'metadata.signal_score',
	'HubSpot Company': 'metadata.company_id',
};

/**
 * The HTTP API column as a Clay user sets it up: POST, the secret header, a JSON body of column tokens.
 * `path` and `fields`: another template's Clay Trigger and the cells it answers with (template 01: intake).
 */
export function httpColumn(
	n8n: N8nInstance,
	rowIds?: string[],
	target: { path: string; fields: Record<string, string> } = {
		path: CLAY_PATH,
		fields: ENDPOINT_FIELDS,
	},
) {
	return {
		url: n8n.webhookUrl(target.path),
		method: 'POST',
		headers: { [CLAY_SECRET_HEADER]: SANDBOX_WEBHOOK_SECRET },
		body: {
			domain: '{{Domain}}',
			name: '{{Company}}',
			email: '{{Email}}',
			firstname: '{{First Name}}',
			lastname: '{{Last Name}}',
			jobtitle: '{{Title}}',
			numberofemployees: '{{Employees}}',
			intent: '{{Intent}}',
			fit: '{{Fit}}',
		},
		outputColumn: 'n8n',
		fields: target.fields,
		...(rowIds ? { rowIds } : {}),
		concurrency: 4,
		timeoutMs: 60_000,
	};
}

export interface ColumnRun {
	total: number;
	succeeded: number;
	failed: number;
	results: Array<{ rowId: string; status: number; error?: string }>;
}

export interface ClayRow {
	id: string;
	cells: Record<string, any>;
	http?: { status: number; error?: string };
}

/** Adds rows to the sandbox Clay table; returns their ids in order. */
export async function addAccounts(adminUrl: string, rows: AccountRow[]): Promise<string[]> {
	const { results } = await sandboxAdmin<{ results: ClayRow[] }>(
		adminUrl,
		'POST',
		`/clay/tables/${CLAY_TABLE}/rows`,
		{ rows },
	);
	return results.map((row) => row.id);
}

/** Runs the HTTP API column over the given rows (all rows when omitted), as Clay does. */
export async function runHttpColumn(
	adminUrl: string,
	n8n: N8nInstance,
	rowIds?: string[],
	target?: Parameters<typeof httpColumn>[2],
	/** Clay's pace (rows/s on average, bursts) and connections; default 4 connections, unpaced. */
	pace: { rowsPerSecond?: number; burst?: number; concurrency?: number } = {},
): Promise<ColumnRun & { results: Array<{ ms?: number; retryAfter?: string }> }> {
	return await sandboxAdmin(adminUrl, 'POST', `/clay/tables/${CLAY_TABLE}/run-http-column`, {
		...httpColumn(n8n, rowIds, target),
		...(pace.rowsPerSecond ? { rowsPerSecond: pace.rowsPerSecond, burst: pace.burst ?? 20 } : {}),
		...(pace.concurrency ? { concurrency: pace.concurrency } : {}),
	});
}

export async function clayRows(adminUrl: string): Promise<ClayRow[]> {
	return (await sandboxAdmin<{ rows: ClayRow[] }>(adminUrl, 'GET', `/clay/tables/${CLAY_TABLE}`))
		.rows;
}

/** Runs the template's one-time "set up HubSpot" branch, as clicking Execute workflow from it does. */
export async function runSetup(n8n: N8nInstance, workflowName = WORKFLOW_NAME): Promise<Execution> {
	return await runFromTrigger(n8n, n8n.workflowIds[workflowName], SETUP_TRIGGER);
}

/** The company a sales rep made by hand, once (the demo's HubSpot starts empty). */
export async function ensureExistingCompany(adminUrl: string): Promise<void> {
	const { results } = await sandboxAdmin<{
		results: Array<{ properties: Record<string, string> }>;
	}>(adminUrl, 'GET', '/hubspot/objects/companies');
	if (results.some((company) => company.properties.domain === EXISTING_COMPANY.domain)) return;
	await sandboxAdmin(adminUrl, 'POST', '/seed', {
		hubspot: { records: { companies: [EXISTING_COMPANY] } },
	});
}

export const demo: TemplateDemo = {
	slug: SLUG,
	title:
		'Sample Clay accounts sent by the HTTP API column: scored, upserted into HubSpot with their contact, hot ones posted to #high-intent, one workflow_log row each',
	howTo: () => `npm run demo -- ${SLUG}   (again: unchanged rows come back as skipped re-runs)`,
	async run({ sandbox, n8n }: DemoContext) {
		await ensureExistingCompany(sandbox.adminUrl);
		const setup = await runSetup(n8n);
		if (setup.status !== 'success') throw new Error(`HubSpot setup branch ended ${setup.status}`);
		const rowIds = await addAccounts(sandbox.adminUrl, SAMPLE_ACCOUNTS);
		const run = await runHttpColumn(sandbox.adminUrl, n8n, rowIds);
		const rows = (await clayRows(sandbox.adminUrl)).filter((row) => rowIds.includes(row.id));
		return {
			...run,
			rows: rows.map((row) => ({
				domain: row.cells.Domain,
				http: row.http?.status,
				status: row.cells.Status ?? row.cells.n8n?.error,
				outcome: row.cells.Outcome,
				score: row.cells.Score,
				hubspotCompany: row.cells['HubSpot Company'],
			})),
		};
	},
};

export default demo;
