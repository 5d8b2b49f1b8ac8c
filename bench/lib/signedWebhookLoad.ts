// The Signed Webhook load shared by the benchmarks (bench/signed-webhook.ts, bench/queue-mode.ts): the
// workflows that end in the same Set node (plain Webhook, Signed Webhook, the Webhook → Crypto → IF
// workaround, the Clay Trigger) plus n8n's own Header Auth refusal, fresh GitHub-signed deliveries or Clay
// rows, and autocannon.
import { randomUUID } from 'node:crypto';
import type { CredentialSpec, N8nInstance, WorkflowJson } from '../../dev/harness';
import { signRequest } from '../../nodes/shared/signatures';

const autocannon = require('autocannon') as (
	opts: Record<string, unknown>,
) => Promise<AutocannonResult>;
export interface AutocannonResult {
	requests: { average: number; total: number };
	latency: { p50: number; p99: number };
	non2xx: number;
	errors: number;
	statusCodeStats: Record<string, { count: number }>;
}

export const CONNECTIONS = 10;
export const SECRET = 'bench-signing-secret';
const CLAY_HEADER = 'x-clay-webhook-secret';

const downstream = (x: number) => ({
	name: 'Downstream',
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	position: [x, 0],
	parameters: {
		mode: 'manual',
		includeOtherFields: false,
		assignments: { assignments: [{ id: 'ok', name: 'received', type: 'boolean', value: true }] },
		options: {},
	},
});
const link = (from: string, to: string) => ({
	[from]: { main: [[{ node: to, type: 'main', index: 0 }]] },
});
const webhook = (path: string, options: Record<string, unknown> = {}) => ({
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	webhookId: `bench-${path}`,
	parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options },
});

export const workflows: WorkflowJson[] = [
	{
		name: 'Plain Webhook',
		nodes: [webhook('bench-plain'), downstream(220)],
		connections: link('Webhook', 'Downstream'),
	},
	{
		// n8n 2.x skips its expression isolate in the webhook phase only for its own Webhook node with static
		// parameters: one expression (here a response header) makes the plain Webhook pay what every other
		// trigger pays.
		name: 'Plain Webhook, one expression',
		nodes: [
			webhook('bench-plain-expression', {
				responseHeaders: { entries: [{ name: 'x-received', value: '={{ "yes" }}' }] },
			}),
			downstream(220),
		],
		connections: link('Webhook', 'Downstream'),
	},
	{
		name: 'Signed Webhook',
		nodes: [
			{
				name: 'Signed Webhook',
				type: 'n8n-nodes-revops.signedWebhook',
				typeVersion: 1.1,
				position: [0, 0],
				webhookId: 'bench-signed',
				credentials: { webhookSecretApi: { id: '', name: 'Bench secret' } },
				parameters: {
					path: 'bench-signed',
					httpMethod: ['POST'],
					scheme: 'github',
					responseMode: 'lastNode',
					options: process.env.BENCH_NO_REPLAY ? { replayProtection: false } : {},
				},
			},
			downstream(220),
		],
		connections: link('Signed Webhook', 'Downstream'),
	},
	{
		name: 'Webhook → Crypto → IF',
		nodes: [
			webhook('bench-workaround'),
			{
				name: 'Crypto',
				type: 'n8n-nodes-base.crypto',
				typeVersion: 1,
				position: [220, 0],
				// What the forum recipes do: HMAC over the re-serialized JSON, compared as strings.
				parameters: {
					action: 'hmac',
					type: 'SHA256',
					value: '={{ JSON.stringify($json.body) }}',
					dataPropertyName: 'expected',
					secret: SECRET,
					encoding: 'hex',
				},
			},
			{
				name: 'IF',
				type: 'n8n-nodes-base.if',
				typeVersion: 2,
				position: [440, 0],
				parameters: {
					conditions: {
						options: { caseSensitive: true, typeValidation: 'strict' },
						conditions: [
							{
								id: 'sig',
								leftValue: "={{ 'sha256=' + $json.expected }}",
								rightValue: "={{ $json.headers['x-hub-signature-256'] }}",
								operator: { type: 'string', operation: 'equals' },
							},
						],
						combinator: 'and',
					},
					options: {},
				},
			},
			downstream(660),
		],
		connections: {
			...link('Webhook', 'Crypto'),
			...link('Crypto', 'IF'),
			...link('IF', 'Downstream'),
		},
	},
	{
		// Clay's row webhook: the shared secret header and the field schema checked, answered when Set is done.
		name: 'Clay Trigger',
		nodes: [
			{
				name: 'Clay Trigger',
				type: 'n8n-nodes-revops.clayTrigger',
				typeVersion: 1.1,
				position: [0, 0],
				webhookId: 'bench-clay',
				credentials: { webhookSecretApi: { id: '', name: 'Bench secret' } },
				parameters: {
					path: 'bench-clay',
					clayHeader: CLAY_HEADER,
					responseMode: 'lastNode',
					fields: {
						field: [
							{ name: 'domain', type: 'domain', required: true },
							{ name: 'intent', type: 'number', required: true },
						],
					},
					options: {},
				},
			},
			downstream(220),
		],
		connections: link('Clay Trigger', 'Downstream'),
	},
	{
		// n8n's own refusal of an unauthenticated request (Header Auth, wrong value): the floor any rejection
		// in a webhook handler can reach, since n8n routes and loads the workflow before a node runs.
		name: 'Webhook (Header Auth)',
		nodes: [
			{
				...webhook('bench-header-auth'),
				credentials: { httpHeaderAuth: { id: '', name: 'Bench header auth' } },
				parameters: {
					...webhook('bench-header-auth').parameters,
					authentication: 'headerAuth',
				},
			},
			downstream(220),
		],
		connections: link('Webhook', 'Downstream'),
	},
];

/** What a request carries: a GitHub-signed delivery, a forged one, or a Clay row with the shared secret. */
export type LoadKind = boolean | 'clay';

/** A fresh, correctly signed GitHub-style delivery per request (or a forged one, or a Clay row). */
export function delivery(forged: LoadKind) {
	if (forged === 'clay')
		return (request: Record<string, unknown>) => ({
			...request,
			method: 'POST',
			body: JSON.stringify({
				domain: `row-${randomUUID().slice(0, 8)}.com`,
				intent: Math.floor(Math.random() * 100),
			}),
			headers: { 'content-type': 'application/json', [CLAY_HEADER]: SECRET },
		});
	return (request: Record<string, unknown>) => {
		const body = JSON.stringify({
			action: 'opened',
			delivery: randomUUID(),
			number: Math.floor(Math.random() * 1e6),
		});
		const headers = forged
			? { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` }
			: signRequest('github', SECRET, { body, method: 'POST' });
		return {
			...request,
			method: 'POST',
			body,
			headers: { ...headers, 'content-type': 'application/json' },
		};
	};
}

export async function load(
	url: string,
	seconds: number,
	forged: LoadKind = false,
): Promise<AutocannonResult> {
	return await autocannon({
		url,
		connections: CONNECTIONS,
		duration: seconds,
		requests: [{ setupRequest: delivery(forged) }],
	});
}

export async function executionCount(n8n: N8nInstance, workflow: string): Promise<number> {
	let count = 0;
	let cursor: string | undefined;
	do {
		const page = await n8n.api<{ data: unknown[]; nextCursor?: string }>(
			'GET',
			`/executions?workflowId=${n8n.workflowIds[workflow]}&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
		);
		count += page.data.length;
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return count;
}

export const credentials: CredentialSpec[] = [
	{ name: 'Bench secret', type: 'webhookSecretApi', data: { secret: SECRET } },
	{
		name: 'Bench header auth',
		type: 'httpHeaderAuth',
		data: { name: 'x-bench-token', value: 'not-sent-by-the-load' },
	},
];
