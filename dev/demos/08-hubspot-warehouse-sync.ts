// Demo of template 08 (HubSpot ⇄ warehouse two-way sync): sample companies in the sandbox HubSpot and in the
// warehouse table crm_companies, some on both sides (the same domain, written differently), then one sync run
// from the template's schedule trigger. Afterwards both sides hold every company once; the run's summary
// (read, written, conflicts, watermarks) is what the demo returns.
import type { N8nInstance } from '../harness';
import type { Sandbox } from '../../sandbox/server';
import {
	runFromTrigger,
	sandboxAdmin,
	templateWorkflowId,
	waitFor,
	type Execution,
} from '../stack/support';
import type { DemoContext, TemplateDemo } from '../stack/templates';
import type { Warehouse } from '../stack/warehouse';

export const SLUG = '08-hubspot-warehouse-sync';
export const WORKFLOW_NAME = 'RevOps 08: HubSpot ⇄ warehouse two-way sync';
export const WEBHOOK_PATH = 'hubspot-company-sync';
export const SCHEDULE = 'Every minute';
export const SYNC = 'crm_companies';
/** Companies the demo puts in an empty stack: a third in HubSpot only, a third in the warehouse only, a third in both. */
export const DEMO_COMPANIES = 300;

export interface SampleCompany {
	name: string;
	domain: string;
	city?: string;
	employees?: number;
	industry?: string;
}

/** Companies only HubSpot has, only the warehouse has, and both (the warehouse writes the domain as a URL). */
export function sampleCompanies(count: number, tag = 'demo') {
	const make = (i: number, side: string): SampleCompany => ({
		name: `${side} ${tag} ${i}`,
		domain: `${side.toLowerCase()}-${tag}-${i}.example`,
		city: ['Berlin', 'Austin', 'London'][i % 3],
		employees: 10 + i,
	});
	const third = Math.max(1, Math.floor(count / 3));
	return {
		hubspotOnly: Array.from({ length: third }, (_, i) => make(i, 'HubSpot')),
		warehouseOnly: Array.from({ length: third }, (_, i) => make(i, 'Warehouse')),
		both: Array.from({ length: count - 2 * third }, (_, i) => make(i, 'Both')),
	};
}

export async function seedHubSpot(sandbox: Sandbox, companies: SampleCompany[]): Promise<string[]> {
	const { hubspot } = await sandboxAdmin<{ hubspot: { companies: string[] } }>(
		sandbox,
		'POST',
		'/seed',
		{
			hubspot: {
				records: {
					companies: companies.map((c) => ({
						name: c.name,
						domain: c.domain,
						...(c.city ? { city: c.city } : {}),
						...(c.employees !== undefined ? { numberofemployees: String(c.employees) } : {}),
						...(c.industry ? { industry: c.industry } : {}),
					})),
				},
			},
		},
	);
	return hubspot.companies;
}

const literal = (value: string | number | undefined) =>
	value === undefined
		? 'NULL'
		: typeof value === 'number'
			? String(value)
			: `'${value.replace(/'/g, "''")}'`;

/** Inserts rows as an ETL would; `asUrl` writes the domain as a website URL (the sync matches it anyway). */
export function seedWarehouse(
	warehouse: Warehouse,
	companies: SampleCompany[],
	asUrl = false,
): void {
	if (!companies.length) return;
	warehouse.exec(
		`INSERT INTO crm_companies (name, domain, city, employee_count) VALUES ${companies
			.map(
				(c) =>
					`(${literal(c.name)}, ${literal(asUrl ? `https://www.${c.domain}/` : c.domain)}, ${literal(c.city)}, ${literal(c.employees)})`,
			)
			.join(', ')};`,
	);
}

/**
 * Sets the conflict strategy of the template's Plan node (merge: `mergeFields` merged as lists), as a user
 * would in the editor, and leaves the workflow unpublished: runs are then started one at a time by the caller
 * (the minute schedule would race them for the lease).
 */
export async function useStrategy(n8n: N8nInstance, strategy: string, mergeFields = 'industry') {
	const id = templateWorkflowId(n8n, SLUG);
	const workflow = await n8n.api<{
		name: string;
		nodes: Array<{ name: string; parameters: Record<string, unknown> }>;
		connections: unknown;
	}>('GET', `/workflows/${id}`);
	const plan = workflow.nodes.find((n) => n.name === 'Plan the sync');
	if (!plan) throw new Error('template 08 has no "Plan the sync" node');
	plan.parameters.strategy = strategy;
	if (strategy === 'merge') plan.parameters.mergeFields = mergeFields;
	else delete plan.parameters.mergeFields;
	await n8n.api('PUT', `/workflows/${id}`, {
		name: workflow.name,
		nodes: workflow.nodes,
		connections: workflow.connections,
		settings: { executionOrder: 'v1' },
	});
	await n8n.api('POST', `/workflows/${id}/deactivate`).catch(() => undefined);
}

/**
 * Runs the sync once now, as its schedule would, and waits for it to finish. A run started while another
 * holds the lease (the minute schedule's) would end at once doing nothing: wait for that one first.
 */
export async function runSync(n8n: N8nInstance, warehouse: Warehouse): Promise<Execution> {
	await waitFor(
		'the running sync to release its lease',
		() =>
			warehouse.query(
				`SELECT 1 FROM revops_sync_runs WHERE sync = '${SYNC}' AND lease_until > now()`,
			).length === 0,
		120_000,
	);
	return await runFromTrigger(n8n, templateWorkflowId(n8n, SLUG), SCHEDULE);
}

export interface RunSummary {
	hubspotRead: number;
	warehouseRead: number;
	hubspotWrites: number;
	warehouseWrites: number;
	conflicts: number;
	skipped: number;
	failedWrites: number;
	retryNextRun: number;
	failures: Array<{ side: string; key: string; error: string | null }>;
	watermarks: { hubspot?: string; warehouse?: string };
}

/** The summary the last run kept in revops_sync_runs. */
export function lastSummary(warehouse: Warehouse): RunSummary | undefined {
	return warehouse.query<{ last_summary: RunSummary }>(
		`SELECT last_summary FROM revops_sync_runs WHERE sync = '${SYNC}'`,
	)[0]?.last_summary;
}

export const demo: TemplateDemo = {
	slug: SLUG,
	title:
		'300 sample companies in HubSpot and in crm_companies (a third on both sides): one two-way sync run links, creates and copies each way',
	howTo: () =>
		`npm run demo -- ${SLUG}   (edit a company on either side, or archive one, and run it again: only that change crosses)`,
	async run({ sandbox, n8n, warehouse }: DemoContext) {
		const existing = warehouse.query<{ n: number }>(
			'SELECT count(*)::int AS n FROM crm_companies',
		)[0];
		if (!existing?.n) {
			const sample = sampleCompanies(DEMO_COMPANIES);
			await seedHubSpot(sandbox, [...sample.hubspotOnly, ...sample.both]);
			seedWarehouse(warehouse, sample.warehouseOnly);
			seedWarehouse(warehouse, sample.both, true);
		}
		const execution = await runSync(n8n, warehouse);
		return { status: execution.status, summary: lastSummary(warehouse) };
	},
};

export default demo;
