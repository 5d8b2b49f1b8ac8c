// Demo of the error handler (template 04). Nothing fails on its own in a fresh sandbox, so the demo adds a
// small workflow that reads a HubSpot company and names the error handler as its error workflow, then asks
// it for a company that does not exist: the 404 makes the run fail, and the handler logs it, alerts
// #revops-errors with the execution link and parks the request in dead_letter (a permanent error).
// Injected sandbox faults (503) make the same read fail transiently: the handler retries it once.
import type { RowReport } from '../../nodes/shared/queue';
import type { N8nInstance, WorkflowJson } from '../harness';
import { SANDBOX_HUBSPOT_TOKEN } from '../stack/credentials';
import { send, signedRequest, type Answer } from '../stack/signed';
import { activate, ensureSlackChannel, templateWorkflowId } from '../stack/support';
import type { DemoContext, TemplateDemo } from '../stack/templates';

export const SLUG = '04-error-handler';
export const ERROR_CHANNEL = 'revops-errors';
export const FAILING_WORKFLOW = 'RevOps demo: read a HubSpot company (fails on purpose)';
export const FAILING_PATH = 'revops-demo-read-company';
export const FAILING_NODE = 'Read company from HubSpot';
export const REPLAY_PATH = 'revops-dead-letter-replay';
export const QUEUE_DEAD_LETTERS_PATH = 'revops-queue-dead-letters';

type StoredWorkflow = WorkflowJson & { id: string; active: boolean };

async function findWorkflow(n8n: N8nInstance, name: string): Promise<StoredWorkflow | undefined> {
	const page = await n8n.api<{ data: StoredWorkflow[] }>('GET', '/workflows?limit=250');
	return page.data.find((wf) => wf.name === name);
}

/** Webhook → read one HubSpot company by the posted id; any failure goes to the error handler. */
export function failingWorkflow(hubspotUrl: string, errorWorkflowId: string): WorkflowJson {
	return {
		name: FAILING_WORKFLOW,
		nodes: [
			{
				id: '3f1c2a4e-7b7d-4c55-9a1e-0d4b9f0c1a01',
				name: 'Company id',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: '3f1c2a4e-7b7d-4c55-9a1e-0d4b9f0c1a02',
				parameters: {
					httpMethod: 'POST',
					path: FAILING_PATH,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: '3f1c2a4e-7b7d-4c55-9a1e-0d4b9f0c1a03',
				name: FAILING_NODE,
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: {
					url: `=${hubspotUrl}/crm/v3/objects/companies/{{ $json.body.companyId }}`,
					sendHeaders: true,
					headerParameters: {
						parameters: [{ name: 'Authorization', value: `Bearer ${SANDBOX_HUBSPOT_TOKEN}` }],
					},
					options: {},
				},
			},
		],
		connections: {
			'Company id': { main: [[{ node: FAILING_NODE, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1', errorWorkflow: errorWorkflowId },
	};
}

/** Creates and activates the failing demo workflow unless it exists; its id. */
export async function ensureFailingWorkflow(ctx: DemoContext): Promise<string> {
	const existing = await findWorkflow(ctx.n8n, FAILING_WORKFLOW);
	if (existing?.active) return existing.id;
	const wf = failingWorkflow(ctx.sandbox.hubspotUrl, templateWorkflowId(ctx.n8n, SLUG));
	const id =
		existing?.id ??
		(
			await ctx.n8n.api<{ id: string }>('POST', '/workflows', {
				name: wf.name,
				nodes: wf.nodes,
				connections: wf.connections,
				settings: wf.settings,
			})
		).id;
	await activate(ctx.n8n, id);
	return id;
}

/** Everything the demo needs once: the Slack channel and the failing workflow (its id). */
export async function prepare(ctx: DemoContext): Promise<string> {
	await ensureSlackChannel(ctx.sandbox, ERROR_CHANNEL);
	return await ensureFailingWorkflow(ctx);
}

/** Asks the failing workflow for one company; n8n answers at once, the run goes on (and fails) behind. */
export async function readCompany(ctx: DemoContext, companyId: string): Promise<number> {
	const response = await fetch(ctx.n8n.webhookUrl(FAILING_PATH), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ companyId }),
	});
	await response.text();
	return response.status;
}

/** Asks the handler to replay a parked dead letter, signed as the template expects (Standard Webhooks). */
export async function replayDeadLetter(ctx: DemoContext, id: number | string): Promise<Answer> {
	return await send(signedRequest('standardWebhooks', ctx.n8n.webhookUrl(REPLAY_PATH), { id }));
}

/**
 * Lists or replays the dead letters of a drain's queue through the handler's "Queue dead letters" webhook:
 * `queue` is template 01's data table (`revops_clay_intake`) or a queue of the warehouse's revops_queue.
 */
export async function queueDeadLetters(
	ctx: DemoContext,
	request: { queue: string; action: 'list' | 'replay'; ids?: number[] },
): Promise<Answer & { body: RowReport }> {
	return (await send(
		signedRequest('standardWebhooks', ctx.n8n.webhookUrl(QUEUE_DEAD_LETTERS_PATH), request),
	)) as Answer & { body: RowReport };
}

export const demo: TemplateDemo = {
	slug: SLUG,
	title:
		'Makes a demo workflow fail (it reads a HubSpot company that does not exist): the handler logs the failure, alerts #revops-errors with the execution link and parks it in dead_letter',
	howTo: () => `npm run demo -- ${SLUG}`,
	async run(ctx) {
		await prepare(ctx);
		const companyId = `missing-${Date.now()}`;
		return { companyId, status: await readCompany(ctx, companyId) };
	},
};

export default demo;
