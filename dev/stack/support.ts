// Small tools the demos (and so the template e2e tests) share: the sandbox admin API, a template's id in a
// running n8n, running a scheduled workflow once now, and waiting for an outcome.
import type { N8nInstance } from '../harness';
import type { Sandbox } from '../../sandbox/server';
import { loadTemplates } from './templates';

/** A call to the sandbox admin API (`/_sandbox`, sandbox/README.md); the parsed JSON answer. */
export async function sandboxAdmin<T = any>(
	sandbox: Sandbox,
	method: string,
	path: string,
	body?: unknown,
): Promise<T> {
	const response = await fetch(`${sandbox.adminUrl}${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${text}`);
	return (text ? JSON.parse(text) : undefined) as T;
}

/** Creates the Slack channel in the sandbox unless it exists (name without `#`). */
export async function ensureSlackChannel(sandbox: Sandbox, name: string): Promise<void> {
	await sandboxAdmin(sandbox, 'POST', '/slack/channels', { name });
}

export interface SlackMessage {
	channelName: string;
	text?: string;
	ts: string;
}

export async function slackMessages(sandbox: Sandbox, channel: string): Promise<SlackMessage[]> {
	return (
		await sandboxAdmin<{ results: SlackMessage[] }>(
			sandbox,
			'GET',
			`/slack/messages?channel=${channel}`,
		)
	).results;
}

/** The n8n id of the template `slug` (workflows/<slug>.json) in this instance. */
export function templateWorkflowId(n8n: N8nInstance, slug: string): string {
	const template = loadTemplates().find((t) => t.slug === slug);
	const id = template && n8n.workflowIds[template.workflow.name];
	if (!id) throw new Error(`template ${slug} is not imported into this n8n`);
	return id;
}

/** Polls `probe` until it returns something other than undefined/false; fails after `timeoutMs`. */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined | false> | T | undefined | false,
	timeoutMs = 60000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined && value !== false) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

/**
 * Activates (publishes) a workflow and waits until its triggers are live: n8n 2.x publishes through an
 * outbox, a moment after the call returns (1.x activates at once and has no publication status).
 */
export async function activate(n8n: N8nInstance, workflowId: string): Promise<void> {
	await n8n.api('POST', `/workflows/${workflowId}/activate`);
	await waitFor(`workflow ${workflowId} to be published`, async () => {
		const response = await fetch(`${n8n.url}/rest/workflows/${workflowId}/publication-status`, {
			headers: { cookie: n8n.cookie },
		});
		if (response.status === 404) return true;
		const { data } = (await response.json()) as { data: { status: string; triggers?: unknown } };
		if (data.status === 'failed' || data.status === 'partial')
			throw new Error(
				`workflow ${workflowId} could not be published: ${JSON.stringify(data.triggers)}`,
			);
		return data.status === 'published';
	});
}

export interface Execution {
	id: string;
	status: string;
	finished: boolean;
	mode: string;
	retryOf?: string | null;
	workflowId: string;
	startedAt: string;
	stoppedAt?: string | null;
	data?: any;
}

/** Executions of a workflow, newest first (public API, at most 250). */
export async function executionsOf(
	n8n: N8nInstance,
	workflowId: string,
	includeData = false,
): Promise<Execution[]> {
	const page = await n8n.api<{ data: Execution[] }>(
		'GET',
		`/executions?workflowId=${workflowId}&limit=250&includeData=${includeData}`,
	);
	return page.data;
}

/** Waits until the execution has finished (any final status) and returns it. */
export async function finishedExecution(
	n8n: N8nInstance,
	id: string,
	timeoutMs = 120000,
): Promise<Execution> {
	return await waitFor(
		`execution ${id} to finish`,
		async () => {
			const execution = await n8n.api<Execution>('GET', `/executions/${id}`);
			return ['new', 'running', 'waiting'].includes(execution.status) ? undefined : execution;
		},
		timeoutMs,
	);
}

/**
 * Runs a workflow once now from one of its triggers, as the editor's "Execute workflow" button does (n8n's
 * REST API; n8n 1.x wants the workflow in the request, 2.x reads it itself), and resolves with the finished
 * execution.
 */
export async function runFromTrigger(
	n8n: N8nInstance,
	workflowId: string,
	triggerName: string,
): Promise<Execution> {
	const workflow = await n8n.rest<{ data: unknown }>('GET', `/rest/workflows/${workflowId}`);
	const started = await n8n.rest<{ data: { executionId?: string } }>(
		'POST',
		`/rest/workflows/${workflowId}/run`,
		{ workflowData: workflow.data, triggerToStartFrom: { name: triggerName } },
	);
	const id = started.data.executionId;
	if (!id) throw new Error(`n8n did not start "${triggerName}": ${JSON.stringify(started.data)}`);
	return await finishedExecution(n8n, id);
}

/** Runs a scheduled workflow once now, from its Schedule Trigger. */
export async function runScheduledNow(n8n: N8nInstance, workflowId: string): Promise<Execution> {
	const workflow = await n8n.rest<{ data: { nodes: Array<{ name: string; type: string }> } }>(
		'GET',
		`/rest/workflows/${workflowId}`,
	);
	const trigger = workflow.data.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger');
	if (!trigger) throw new Error(`workflow ${workflowId} has no Schedule Trigger`);
	return await runFromTrigger(n8n, workflowId, trigger.name);
}
