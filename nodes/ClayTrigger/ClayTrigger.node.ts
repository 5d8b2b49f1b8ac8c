import {
	NodeConnectionTypes,
	sleep,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
	type IWebhookDescription,
} from 'n8n-workflow';
import {
	checkRow,
	fieldDeclarationProblems,
	flattenEnrichment,
	type RowField,
} from '../shared/clay';
import type { IncomingRequest } from '../glue/inboundRequest';
import { recordWebhook } from '../glue/metrics';
import { readSignatureParameters, verifyInbound, webhookSecretApiTest } from '../glue/signature';
import { fromParameter, nativeWebhookFields } from '../glue/webhookFields';
import { properties } from './description';
import {
	ignoreLaterWrites,
	invalidRow,
	send,
	timedOut,
	type Answer,
	type WritableResponse,
} from './rejection';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export class ClayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Clay Trigger',
		name: 'clayTrigger',
		icon: { light: 'file:clayTrigger.svg', dark: 'file:clayTrigger.dark.svg' },
		group: ['trigger'],
		// 1.1: Path defaults to empty, i.e. the node's own unique ID, so two Clay Triggers never share a URL
		// (1 kept 'clay', which n8n does not store in saved workflows). Webhook fields resolved without n8n's
		// expression isolate where n8n can (see glue/webhookFields).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{$parameter["responseMode"] === "lastNode" ? "enrichment endpoint" : $parameter["responseMode"] === "responseNode" ? "durable intake" : "rows"}}',
		description:
			'Receives rows from a Clay HTTP API column or webhook; verifies the shared secret and validates each row',
		defaults: { name: 'Clay Trigger' },
		activationMessage:
			'Paste the production URL into Clay’s HTTP API column, with the secret header.',
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'webhookSecretApi', required: true, testedBy: 'webhookSecretApiTest' },
			{ name: 'revOpsMetricsApi', required: false },
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				isFullPath: true,
				...nativeWebhookFields({
					path: fromParameter('path'),
					responseMode: fromParameter('responseMode'),
				}),
				responseData: 'firstEntryJson',
			} as IWebhookDescription,
		],
		properties,
	};

	methods = { credentialTest: { webhookSecretApiTest } };

	// Nothing to register remotely: Clay calls the URL the user pastes into its HTTP API column, so the webhook
	// always "exists" (checkExists answers true, create is never called) and there is nothing to delete.
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
		const req = this.getRequestObject() as unknown as IncomingRequest;
		const res = this.getResponseObject() as unknown as WritableResponse;
		let outcome: Outcome;
		try {
			outcome = await acceptRow(this, req);
		} catch (error) {
			// An exception here would make n8n start a failed execution: answer instead.
			this.logger.error(`Clay Trigger: could not check a row: ${(error as Error).message}`);
			outcome = refuse(500, 'row could not be checked; see the n8n log');
		}
		if ('answer' in outcome) {
			send(res, outcome.answer);
			recordWebhook(this, 'clay_trigger', false, outcome.answer.status);
			return { noWebhookResponse: true };
		}
		recordWebhook(this, 'clay_trigger', true);

		const workflowData = [[{ json: outcome.row as IDataObject, pairedItem: { item: 0 } }]];
		const responseMode = this.getNodeParameter('responseMode', 'onReceived');
		// n8n holds the request until the workflow's Respond to Webhook node answers.
		if (responseMode === 'responseNode') return { workflowData };
		if (responseMode !== 'lastNode') {
			return { webhookResponse: { received: true }, workflowData };
		}
		const budgetSeconds = Number(this.getNodeParameter('responseBudgetSeconds', 25));
		if (budgetSeconds > 0) {
			// n8n answers when the execution ends and has no timeout of its own: race it from here.
			void sleep(budgetSeconds * 1000).then(() => {
				if (send(res, timedOut(budgetSeconds))) ignoreLaterWrites(res);
			});
		}
		return { workflowData };
	}
}

/** Either an answer the trigger sends itself (no execution) or the row that starts one. */
type Outcome = { answer: Answer } | { row: Record<string, unknown> };

const refuse = (status: number, error: string): Outcome => ({
	answer: { status, body: { error } },
});

/** Secret first (401, nothing about the row is revealed), then the row's shape (400) and fields (422). */
async function acceptRow(context: IWebhookFunctions, req: IncomingRequest): Promise<Outcome> {
	const signature = readSignatureParameters(
		(name, fallback) => context.getNodeParameter(name, fallback),
		'clay',
	);
	const verified = await verifyInbound(context, req, signature, '');
	if (!verified.ok) return refuse(verified.status, verified.reason);

	if (!isPlainObject(req.body)) return refuse(400, 'expected one JSON object per row');
	const row = context.getNodeParameter('flatten', false) ? flattenEnrichment(req.body) : req.body;
	const fields = ((context.getNodeParameter('fields', {}) as IDataObject).field ??
		[]) as unknown as RowField[];
	const misconfigured = fieldDeclarationProblems(fields);
	if (misconfigured.length)
		return refuse(500, `Clay Trigger is misconfigured: ${misconfigured.join('; ')}`);
	const checked = checkRow(row, fields);
	return checked.ok ? { row: checked.row } : { answer: invalidRow(checked.errors) };
}
