// Demo of template 01 (Clay → HubSpot + Slack, durably): sample accounts in a sandbox Clay table; the
// sandbox's HTTP API column calls the template's Clay Trigger for each row at Clay's pace, and each row is
// answered 202 once it is in the intake data table. The template's drain (every 10 s) then writes them to
// HubSpot in batches and posts one #high-intent digest. Before that, the "Run once" branch runs.
import type { N8nInstance } from '../harness';
import { runFromTrigger, type Execution } from '../stack/support';
import type { DemoContext, TemplateDemo } from '../stack/templates';
import {
	addAccounts,
	clayRows,
	ensureExistingCompany,
	runHttpColumn,
	runSetup as runSetupOf,
	SAMPLE_ACCOUNTS,
} from './09-clay-enrichment-endpoint';

export const SLUG = '01-clay-enrichment-to-hubspot';
/** The drain, the store check and the set-up branch. */
export const WORKFLOW_NAME = 'RevOps 01: Clay enrichment → HubSpot + Slack';
/** The Clay Trigger and the store write (workflows/01-clay-intake.json): small, so it answers fast. */
export const INTAKE_WORKFLOW_NAME = 'RevOps 01: Clay intake (answers once stored)';
export const INTAKE_PATH = 'clay-intake';
export const INTAKE_TABLE = 'revops_clay_intake';
export const DRAIN_TRIGGER = 'Every 10 seconds';

/** Cells Clay stores from the intake's answer. */
export const INTAKE_FIELDS = { Queued: 'queued', 'Queue Key': 'key' };

/** The template's one-time branch (the intake table, then template 09's HubSpot set-up). */
export async function runSetup(n8n: N8nInstance): Promise<Execution> {
	return await runSetupOf(n8n, WORKFLOW_NAME);
}

/** Runs the drain once now, as its schedule would. */
export async function runDrain(n8n: N8nInstance): Promise<Execution> {
	return await runFromTrigger(n8n, n8n.workflowIds[WORKFLOW_NAME], DRAIN_TRIGGER);
}

/** The HTTP API column over the given rows, pointed at the intake (Clay's pace when `pace` says so). */
export async function sendRows(
	adminUrl: string,
	n8n: N8nInstance,
	rowIds: string[],
	pace: Parameters<typeof runHttpColumn>[4] = {},
) {
	return await runHttpColumn(
		adminUrl,
		n8n,
		rowIds,
		{ path: INTAKE_PATH, fields: INTAKE_FIELDS },
		pace,
	);
}

export const demo: TemplateDemo = {
	slug: SLUG,
	title:
		'Sample Clay accounts sent by the HTTP API column at Clay’s pace: each stored and answered 202, then drained to HubSpot in batches with one #high-intent digest',
	howTo: () =>
		`npm run demo -- ${SLUG}   (the drain runs every 10 s; again: unchanged rows are stored once)`,
	async run({ sandbox, n8n }: DemoContext) {
		await ensureExistingCompany(sandbox.adminUrl);
		const setup = await runSetup(n8n);
		if (setup.status !== 'success') throw new Error(`setup branch ended ${setup.status}`);
		const rowIds = await addAccounts(sandbox.adminUrl, SAMPLE_ACCOUNTS);
		const sent = await sendRows(sandbox.adminUrl, n8n, rowIds);
		const drain = await runDrain(n8n);
		const rows = (await clayRows(sandbox.adminUrl)).filter((row) => rowIds.includes(row.id));
		return {
			answered: sent.results.map((r) => r.status),
			drain: drain.status,
			rows: rows.map((row) => ({
				domain: row.cells.Domain,
				http: row.http?.status,
				queued: row.cells.Queued,
			})),
		};
	},
};

export default demo;
