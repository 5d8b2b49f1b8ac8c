// One template in the demo stack (sandbox, warehouse, n8n with that template) for a test file, and waiting
// for the runs its trigger started: signed triggers answer at once (Respond: Immediately), before the
// workflow has run.
import type { N8nInstance } from '../../../dev/harness';
import { startStack, type Stack } from '../../../dev/stack/stack';
import {
	executionsOf,
	templateWorkflowId,
	waitFor,
	type Execution,
} from '../../../dev/stack/support';
import type { DemoContext } from '../../../dev/stack/templates';

export interface TemplateStack {
	stack: Stack;
	/** What the template's demo runs against. */
	ctx: DemoContext;
	workflowId: string;
}

/**
 * Starts the stack with the template `slug` before the file's tests (and waits until the webhook at
 * `webhookPath` is registered), stops it after them. The fields are set once beforeAll has run.
 */
export function useTemplateStack(
	slug: string,
	webhookPath: string,
	/** `with`: other templates imported beside it (e.g. 04, the error handler that replays dead letters). */
	options: {
		workers?: number;
		env?: Record<string, string>;
		with?: string[];
		metricsFlushSeconds?: number;
	} = {},
): TemplateStack {
	const t = {} as TemplateStack;
	beforeAll(async () => {
		t.stack = await startStack({
			templates: [slug, ...(options.with ?? [])],
			workers: options.workers,
			env: options.env,
			metricsFlushSeconds: options.metricsFlushSeconds,
		});
		const { sandbox, n8n, warehouse } = t.stack;
		t.ctx = { sandbox, n8n, warehouse };
		t.workflowId = templateWorkflowId(n8n, slug);
		await waitForWebhook(n8n, webhookPath);
	}, 300000);
	afterAll(async () => {
		await t.stack?.stop();
	}, 60000);
	return t;
}

const RUNNING = ['new', 'running', 'waiting'];

/** The workflow's executions (newest first) once there are at least `count` and none is still running. */
export async function settledExecutions(
	n8n: N8nInstance,
	workflowId: string,
	count: number,
): Promise<Execution[]> {
	return await waitFor(`${count} finished executions of workflow ${workflowId}`, async () => {
		const runs = await executionsOf(n8n, workflowId);
		return runs.length >= count && runs.every((run) => !RUNNING.includes(run.status)) && runs;
	});
}

/**
 * n8n 2.x registers a published workflow's webhooks in the background: waits until `path` answers
 * something other than 404 (an unsigned POST is refused by the Signed Webhook node and starts nothing).
 */
export async function waitForWebhook(n8n: N8nInstance, path: string): Promise<void> {
	await waitFor(
		`webhook ${path} to be registered`,
		async () => (await fetch(n8n.webhookUrl(path), { method: 'POST' })).status !== 404,
	);
}
