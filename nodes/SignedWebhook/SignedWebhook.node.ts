import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookDescription,
	IWebhookResponseData,
} from 'n8n-workflow';
import { REPLAY_REASON, REPLAY_STATUS, type VerifyResult } from '../shared/signatures';
import type { IncomingRequest } from '../glue/inboundRequest';
import { recordWebhook } from '../glue/metrics';
import {
	acceptedSignature,
	readSignatureParameters,
	rejectedSignature,
	verifyInbound,
	webhookSecretApiTest,
	type SignatureParameters,
} from '../glue/signature';
import { properties } from './description';
import { isReplay } from './replayLedger';
import { computed, fromParameter, nativeWebhookFields } from '../glue/webhookFields';

interface Rejection {
	ok: false;
	status: number;
	reason: string;
}

/** Headers as they go into an item: Clay's header is the secret itself and must not land in execution data. */
function itemHeaders(req: IncomingRequest, settings: SignatureParameters): IDataObject {
	const headers = { ...req.headers } as IDataObject;
	if (settings.scheme === 'clay') {
		const secretHeader = (settings.verify.clayHeader as string).toLowerCase();
		if (headers[secretHeader] !== undefined) headers[secretHeader] = '[redacted]';
	}
	return headers;
}

function parseResponseBody(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return value;
	}
}

// A generic inbound endpoint like n8n's own Webhook node: the user points the sender at the URL.
export class SignedWebhook implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Signed Webhook',
		name: 'signedWebhook',
		icon: { light: 'file:signedWebhook.svg', dark: 'file:signedWebhook.dark.svg' },
		group: ['trigger'],
		// 1.1: n8n evaluates `$parameter.options.binaryData` through the expression engine for every request to a
		// version-1 webhook node (a Webhook v1 legacy), which under n8n 2.x's isolate engine costs more than the
		// verification itself. Nothing else differs: 1.1 behaves exactly as 1 in this node.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["scheme"]}}',
		description:
			'Starts the workflow when a webhook with a valid HMAC signature arrives; refuses forged, stale and replayed ones',
		defaults: { name: 'Signed Webhook' },
		activationMessage:
			'Send signed requests to the production URL; refused requests start no execution.',
		inputs: [],
		outputs: `={{$parameter["rejectedOutput"] ? [{"type":"main","displayName":"Verified"},{"type":"main","displayName":"Rejected"}] : ["main"]}}`,
		credentials: [
			{ name: 'webhookSecretApi', required: true, testedBy: 'webhookSecretApiTest' },
			{ name: 'revOpsMetricsApi', required: false },
		],
		webhooks: [
			{
				name: 'default',
				isFullPath: true,
				...nativeWebhookFields({
					httpMethod: fromParameter('httpMethod'),
					path: fromParameter('path'),
					responseMode: fromParameter('responseMode'),
					responseCode: fromParameter('responseCode'),
					// Only the last-node mode reads it; in the immediate mode the node's own webhookResponse is the body.
					responseData: computed(
						'={{$parameter["responseMode"] === "lastNode" ? $parameter["responseData"] : ""}}',
						(parameters) => (parameters.responseMode === 'lastNode' ? parameters.responseData : ''),
					),
				}),
			} as IWebhookDescription,
		],
		properties,
	};

	methods = { credentialTest: { webhookSecretApiTest } };

	// Nothing to register remotely: the sender is configured by the user with the URL, so the webhook always
	// "exists" (checkExists answers true, create is never called) and there is nothing to delete.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		try {
			return await answer(this);
		} catch (error) {
			// Never let an exception out of the handler: n8n would start a failed execution for it.
			this.logger.error(`Signed Webhook: could not check a request: ${(error as Error).message}`);
			if (!this.getResponseObject().headersSent)
				refuse(this, { status: 500, reason: 'signature could not be checked; see the n8n log' });
			return { noWebhookResponse: true };
		}
	}
}

function refuse(context: IWebhookFunctions, rejection: { status: number; reason: string }): void {
	const res = context.getResponseObject();
	res.writeHead(rejection.status, { 'content-type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify({ error: rejection.reason }));
}

/** Verified: the item, answered as the Respond setting says. Refused: answered here, no execution (or audit). */
async function answer(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const settings = readSignatureParameters((name, fallback) =>
		context.getNodeParameter(name, fallback),
	);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const rejectedOutput = context.getNodeParameter('rejectedOutput', false) === true;
	const req = context.getRequestObject() as unknown as IncomingRequest;
	const outcome = await verifyIncoming(context, settings, options, req);
	const headers = itemHeaders(req, settings);

	if (!outcome.ok) {
		refuse(context, outcome);
		recordWebhook(context, 'signed_webhook', false, outcome.status);
		if (!rejectedOutput) return { noWebhookResponse: true };
		const audit: INodeExecutionData = {
			json: {
				method: req.method,
				headers,
				query: (req.query ?? {}) as IDataObject,
				signature: rejectedSignature(settings.scheme, outcome),
			},
			pairedItem: { item: 0 },
		};
		return { noWebhookResponse: true, workflowData: [[], [audit]] };
	}

	const item: INodeExecutionData = {
		json: {
			body: (req.body ?? {}) as IDataObject,
			headers,
			query: (req.query ?? {}) as IDataObject,
			params: (req.params ?? {}) as IDataObject,
			signature: acceptedSignature(outcome),
		},
		pairedItem: { item: 0 },
	};
	const workflowData = rejectedOutput ? [[item], []] : [[item]];
	recordWebhook(context, 'signed_webhook', true);
	if (context.getNodeParameter('responseMode', 'onReceived') !== 'onReceived')
		return { workflowData };
	return {
		webhookResponse: parseResponseBody(context.getNodeParameter('responseBody', '')),
		workflowData,
	};
}

/** Body limit, signature, then replay: the order a request is refused in, cheapest check first. */
async function verifyIncoming(
	context: IWebhookFunctions,
	settings: SignatureParameters,
	options: IDataObject,
	req: IncomingRequest,
): Promise<VerifyResult | Rejection> {
	const baseUrl = () => {
		const served =
			typeof context.getWebhookResourceUrl === 'function'
				? context.getWebhookResourceUrl('default')
				: undefined;
		return (options.publicUrl as string) || served || context.getNodeWebhookUrl('default') || '';
	};
	const result = await verifyInbound(context, req, settings, baseUrl);
	if (!result.ok || !settings.replayProtection) return result;

	const nowSeconds = Date.now() / 1000;
	// A timestamped request is refused as stale once its timestamp leaves the tolerance, so its key is only
	// needed until then: that keeps the ledger (read on every request, written on every accepted one) small.
	// Schemes without a timestamp (or with the tolerance off) remember keys for the replay window.
	const tolerance = Number(settings.verify.toleranceSeconds ?? 0);
	const expiresAt =
		result.timestamp !== undefined && tolerance > 0
			? result.timestamp + tolerance
			: nowSeconds + Number(options.replayWindowSeconds ?? 86400);
	const node = context.getNode();
	const replay = isReplay(context.getWorkflowStaticData('node'), {
		scope: `${context.getWorkflow().id}:${node.id}:${context.getMode()}`,
		key: result.replayKey,
		nowSeconds,
		expiresAt,
		maxEntries: settings.maxRemembered,
		// n8n (1.x and 2.x) saves changed static data between a Respond to Webhook node's answer and sending it,
		// and ends the response on the next tick: the answer would go out empty. So in that mode an accepted
		// request does not write static data; its key is written by the next refused replay (README).
		persist: context.getNodeParameter('responseMode', 'onReceived') !== 'responseNode',
	});
	return replay ? { ok: false, status: REPLAY_STATUS, reason: REPLAY_REASON } : result;
}
