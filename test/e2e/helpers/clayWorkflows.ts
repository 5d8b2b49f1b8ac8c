// Workflows and credentials of the Clay end-to-end suite: the Clay Trigger as an enrichment endpoint
// (trigger → Signal Score, answered with the score), the same with a slow step and a 1 s budget, and a
// push of posted rows to a Clay webhook source (Webhook → Split Out → Clay).
import type { CredentialSpec, N8nInstance, WorkflowJson } from '../../../dev/harness';

export const SHARED_SECRET = 'clay-e2e-shared-secret';
export const CLAY_TOKEN = 'clay-e2e-source-token';

export const credentials: CredentialSpec[] = [
	{ name: 'Clay shared secret', type: 'webhookSecretApi', data: { secret: SHARED_SECRET } },
	{ name: 'Clay sandbox', type: 'clayApi', data: { webhookAuthToken: CLAY_TOKEN } },
];

export const ENRICH_PATH = 'clay-enrich';
export const SLOW_PATH = 'clay-slow';
export const PUSH_PATH = 'clay-push';

const secretRef = { webhookSecretApi: { id: '', name: 'Clay shared secret' } };

const trigger = (path: string, parameters: Record<string, unknown>) => ({
	name: 'Clay Trigger',
	type: 'n8n-nodes-revops.clayTrigger',
	typeVersion: 1,
	position: [0, 0],
	webhookId: `clay-e2e-${path}`,
	credentials: secretRef,
	parameters: {
		path,
		responseMode: 'lastNode',
		fields: {
			field: [
				{ name: 'domain', type: 'domain', required: true },
				{ name: 'intent', type: 'number', required: true },
				{ name: 'fit', type: 'number', required: false },
			],
		},
		...parameters,
	},
});

export const enrichWorkflow: WorkflowJson = {
	name: 'Clay: enrichment endpoint',
	nodes: [
		trigger(ENRICH_PATH, { responseBudgetSeconds: 30 }),
		{
			name: 'Signal Score',
			type: 'n8n-nodes-revops.signalScore',
			typeVersion: 1,
			position: [220, 0],
			parameters: { options: { explain: false } },
		},
	],
	connections: { 'Clay Trigger': { main: [[{ node: 'Signal Score', type: 'main', index: 0 }]] } },
};

export const slowWorkflow: WorkflowJson = {
	name: 'Clay: slow enrichment',
	nodes: [
		trigger(SLOW_PATH, { responseBudgetSeconds: 1 }),
		{
			name: 'Wait',
			type: 'n8n-nodes-base.wait',
			typeVersion: 1.1,
			position: [220, 0],
			parameters: { amount: 3, unit: 'seconds' },
			webhookId: 'clay-e2e-wait',
		},
	],
	connections: { 'Clay Trigger': { main: [[{ node: 'Wait', type: 'main', index: 0 }]] } },
};

export const pushWorkflow: WorkflowJson = {
	name: 'Clay: push rows',
	nodes: [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: 'clay-e2e-push',
			parameters: {
				httpMethod: 'POST',
				path: PUSH_PATH,
				responseMode: 'lastNode',
				responseData: 'firstEntryJson',
				options: {},
			},
		},
		{
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [200, 0],
			parameters: { fieldToSplitOut: 'body.rows', options: {} },
		},
		{
			name: 'Clay',
			type: 'n8n-nodes-revops.clay',
			typeVersion: 1,
			position: [400, 0],
			credentials: { clayApi: { id: '', name: 'Clay sandbox' } },
			parameters: {
				webhookUrl: "={{ $('Webhook').first().json.body.url }}",
				rowsPerSecond: "={{ $('Webhook').first().json.body.rowsPerSecond }}",
				options: { maxAttempts: 10 },
			},
		},
	],
	connections: {
		Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
		'Split Out': { main: [[{ node: 'Clay', type: 'main', index: 0 }]] },
	},
};

export const workflows = [enrichWorkflow, slowWorkflow, pushWorkflow];

/** Every execution of a workflow, through the public API's cursor pages. */
export async function executions(
	n8n: N8nInstance,
	workflowId: string,
): Promise<Array<{ id: string; status: string; finished: boolean }>> {
	const all: Array<{ id: string; status: string; finished: boolean }> = [];
	let cursor: string | undefined;
	do {
		const page = await n8n.api<{ data: typeof all; nextCursor?: string | null }>(
			'GET',
			`/executions?workflowId=${workflowId}&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
		);
		all.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

/** Executions are saved asynchronously: poll until `expected` have finished (or time runs out). */
export async function settledExecutions(
	n8n: N8nInstance,
	workflowId: string,
	expected: number,
	ms = 30000,
) {
	const deadline = Date.now() + ms;
	let list = await executions(n8n, workflowId);
	while (
		list.filter((e) => e.status !== 'running' && e.status !== 'new').length < expected &&
		Date.now() < deadline
	) {
		await new Promise((r) => setTimeout(r, 500));
		list = await executions(n8n, workflowId);
	}
	return list;
}

/** n8n 2.x registers published webhooks in the background: wait until each trigger answers something but 404. */
export async function waitForTriggers(
	n8n: N8nInstance,
	paths: string[],
	ms = 30000,
): Promise<void> {
	const deadline = Date.now() + ms;
	for (const path of paths) {
		// Without the secret the trigger refuses (401) and starts no execution.
		while ((await fetch(n8n.webhookUrl(path), { method: 'POST' })).status === 404) {
			if (Date.now() > deadline)
				throw new Error(`webhook ${path} was not registered within ${ms / 1000} s`);
			await new Promise((r) => setTimeout(r, 250));
		}
	}
}
