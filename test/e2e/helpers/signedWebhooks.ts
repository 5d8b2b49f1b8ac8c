// Workflows and requests for the Signed Webhook e2e suite: one workflow per signature scheme (so each
// scheme's executions can be counted on their own), plus one per response mode and the audit output.
import { randomUUID } from 'node:crypto';
import type { N8nInstance, WorkflowJson } from '../../../dev/harness';
import {
	signRequest,
	SCHEME_NAMES,
	type SchemeName,
	type SchemeOptions,
} from '../../../nodes/shared/signatures';
import { send as sendSigned, type SignedRequest } from '../../../dev/stack/signed';

// Standard Webhooks needs a whsec_ + base64 key; every other scheme takes any string, so one pair serves all.
export const CURRENT_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const PREVIOUS_SECRET = `whsec_${Buffer.from('previous-secret-of-the-e2e-suite').toString('base64')}`;
export const CREDENTIAL = {
	name: 'Signing secret (e2e)',
	type: 'webhookSecretApi',
	data: { secret: CURRENT_SECRET, previousSecret: PREVIOUS_SECRET },
};

export const CUSTOM: SchemeOptions = {
	custom: {
		signatureHeader: 'X-Signature',
		prefix: 'sha256=',
		algorithm: 'sha256',
		encoding: 'hex',
		payloadTemplate: '{timestamp}.{id}.{method}.{url}.{body}',
		timestampHeader: 'X-Timestamp',
		timestampUnit: 'ms',
		idHeader: 'X-Event-Id',
	},
};

const customParameters = {
	customSignatureHeader: 'X-Signature',
	customPrefix: 'sha256=',
	customAlgorithm: 'sha256',
	customEncoding: 'hex',
	customPayloadTemplate: '{timestamp}.{id}.{method}.{url}.{body}',
	customTimestampHeader: 'X-Timestamp',
	customTimestampUnit: 'ms',
	customIdHeader: 'X-Event-Id',
};

export const BODY_LIMIT = 4096;

function trigger(
	path: string,
	scheme: SchemeName,
	parameters: Record<string, unknown> = {},
	typeVersion = 1.1,
) {
	return {
		name: 'Signed Webhook',
		type: 'n8n-nodes-revops.signedWebhook',
		typeVersion,
		position: [0, 0],
		webhookId: randomUUID(),
		credentials: { webhookSecretApi: { id: '', name: CREDENTIAL.name } },
		parameters: {
			path,
			httpMethod: ['POST'],
			scheme,
			responseMode: 'lastNode',
			options: { maxBodyBytes: BODY_LIMIT },
			...(scheme === 'custom' ? customParameters : {}),
			...parameters,
		},
	};
}

const single = (name: string, node: ReturnType<typeof trigger>): WorkflowJson => ({
	name,
	nodes: [node],
	connections: {},
});

export const schemePath = (scheme: SchemeName) => `signed-${scheme.toLowerCase()}`;

export const workflows: WorkflowJson[] = [
	...SCHEME_NAMES.map((scheme) => single(`Signed: ${scheme}`, trigger(schemePath(scheme), scheme))),
	single(
		'Signed: immediate',
		trigger('signed-immediate', 'slack', {
			responseMode: 'onReceived',
			responseCode: 202,
			responseBody: '{"queued": true}',
		}),
	),
	// Version 1 (workflows saved before 1.1) behaves the same; n8n only reads its body differently.
	single('Signed: audit', trigger('signed-audit', 'github', { rejectedOutput: true }, 1)),
	{
		name: 'Signed: respond node',
		nodes: [
			trigger('signed-respond', 'shopify', { responseMode: 'responseNode' }),
			{
				name: 'Respond to Webhook',
				type: 'n8n-nodes-base.respondToWebhook',
				// Versions ≥ 1.1 insist on n8n's own Webhook node upstream; version 1 answers for any trigger.
				typeVersion: 1,
				position: [220, 0],
				parameters: { respondWith: 'text', responseBody: '=verified {{$json.signature.eventId}}' },
			},
		],
		connections: {
			'Signed Webhook': { main: [[{ node: 'Respond to Webhook', type: 'main', index: 0 }]] },
		},
	},
];

/**
 * The other way in: n8n's own Webhook node with its Raw Body option, then Verify Signature, then Respond to
 * Webhook on each output (the refusal answers with the item's status). Every request runs this workflow.
 */
export const verifyWorkflow: WorkflowJson = {
	name: 'Verify: webhook raw body',
	nodes: [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: {
				httpMethod: 'POST',
				path: 'verify-raw',
				responseMode: 'responseNode',
				options: { rawBody: true },
			},
		},
		{
			name: 'Verify Signature',
			type: 'n8n-nodes-revops.verifySignature',
			typeVersion: 1,
			position: [220, 0],
			credentials: { webhookSecretApi: { id: '', name: CREDENTIAL.name } },
			parameters: { scheme: 'github', bodySource: 'binary' },
		},
		{
			name: 'Accept',
			type: 'n8n-nodes-base.respondToWebhook',
			typeVersion: 1.1,
			position: [440, -100],
			parameters: { respondWith: 'json', responseBody: '={{ $json.signature }}' },
		},
		{
			name: 'Refuse',
			type: 'n8n-nodes-base.respondToWebhook',
			typeVersion: 1.1,
			position: [440, 100],
			parameters: {
				respondWith: 'json',
				responseBody: '={{ $json.signature }}',
				options: { responseCode: '={{ $json.signature.status }}' },
			},
		},
	],
	connections: {
		Webhook: { main: [[{ node: 'Verify Signature', type: 'main', index: 0 }]] },
		'Verify Signature': {
			main: [
				[{ node: 'Accept', type: 'main', index: 0 }],
				[{ node: 'Refuse', type: 'main', index: 0 }],
			],
		},
	},
};

export type SignedCall = SignedRequest;

/** A genuine request for `scheme` to `path`, signed now unless `at` (seconds) says otherwise. */
export function genuine(
	n8n: N8nInstance,
	scheme: SchemeName,
	options: { path?: string; body?: string; at?: number; secret?: string } = {},
): SignedCall {
	const url = `${n8n.webhookUrl(options.path ?? schemePath(scheme))}?source=e2e&n=${randomUUID().slice(0, 8)}`;
	const form = scheme === 'twilio';
	const body =
		options.body ??
		(form
			? `CallSid=CA${randomUUID().replace(/-/g, '')}&From=%2B15550100&To=%2B15550199`
			: JSON.stringify({ id: randomUUID(), amount: 42 }));
	const signed = signRequest(
		scheme,
		options.secret ?? CURRENT_SECRET,
		{ body, url, timestamp: options.at },
		CUSTOM,
	);
	const contentType = form ? 'application/x-www-form-urlencoded' : 'application/json';
	// Clay's header must be the one the node expects; the scheme's default is used throughout.
	return { url, body, headers: { 'content-type': contentType, ...signed } };
}

/** POSTs a signed call; the answer's body parsed as JSON when it is JSON (Respond to Webhook may send text). */
export const send = (call: SignedCall): Promise<{ status: number; body: any }> => sendSigned(call);

export async function executionCount(n8n: N8nInstance, workflowId: string): Promise<number> {
	const page = await n8n.api<{ data: unknown[] }>(
		'GET',
		`/executions?workflowId=${workflowId}&limit=250`,
	);
	return page.data.length;
}

/** Executions are saved asynchronously: poll until `expected` are there, then return the count. */
export async function settledExecutionCount(
	n8n: N8nInstance,
	workflowId: string,
	expected: number,
	ms = 15000,
): Promise<number> {
	const deadline = Date.now() + ms;
	let count = await executionCount(n8n, workflowId);
	while (count < expected && Date.now() < deadline) {
		await new Promise((r) => setTimeout(r, 250));
		count = await executionCount(n8n, workflowId);
	}
	return count;
}

/** n8n 2.x registers a published workflow's webhooks in the background: wait until none answers 404. */
export async function waitForWebhooks(n8n: N8nInstance, ms = 30000): Promise<void> {
	const paths = [...workflows, verifyWorkflow].map(
		(wf) => (wf.nodes[0].parameters as { path: string }).path,
	);
	const deadline = Date.now() + ms;
	for (const path of paths) {
		// An unsigned request is refused by the node (4xx, no execution) once the webhook exists.
		while ((await fetch(n8n.webhookUrl(path), { method: 'POST' })).status === 404) {
			if (Date.now() > deadline)
				throw new Error(`webhook ${path} was not registered within ${ms / 1000} s`);
			await new Promise((r) => setTimeout(r, 250));
		}
	}
}
