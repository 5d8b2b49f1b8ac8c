import {
	NodeApiError,
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type JsonObject,
} from 'n8n-workflow';
import { continuedItem } from '../glue/items';
import { openMetrics } from '../glue/metrics';
import { DEFAULT_RETRY } from '../shared/ratelimit';
import { properties } from './description';
import { CREDENTIAL_TYPE, SlackClient, type PostOutcome } from './transport/client';

type Refused = Extract<PostOutcome, { ok: false }>;

function hintFor(error: string): string {
	if (/auth|token|account_inactive/.test(error))
		return 'Slack refused the bot token: check the Slack (RevOps) API credential (Bot User OAuth Token, xoxb-…).';
	if (/missing_scope|no_permission/.test(error))
		return 'The Slack app lacks a scope: add chat:write under OAuth & Permissions and reinstall the app.';
	return 'Slack could not be reached or stayed busy: run again later, or lower Messages per Second.';
}

export class SlackRevOps implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Slack (RevOps)',
		name: 'slackRevOps',
		icon: { light: 'file:slackRevOps.svg', dark: 'file:slackRevOps.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["channel"]}}',
		description:
			'Posts messages to Slack paced per channel, 429s retried after Retry-After, refused messages on a Rejected output, every call measured',
		defaults: { name: 'Slack (RevOps)' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Sent' },
			{ type: NodeConnectionTypes.Main, displayName: 'Rejected' },
		],
		credentials: [
			{ name: 'revOpsSlackApi', required: true },
			{ name: 'revOpsMetricsApi', required: false },
		],
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const { baseUrl } = await this.getCredentials<{ baseUrl?: string }>(CREDENTIAL_TYPE);
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const metrics = openMetrics(this);
		const client = new SlackClient(
			this,
			(baseUrl || 'https://slack.com/api').replace(/\/+$/, ''),
			this.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? '',
			Math.max(1, Math.floor(Number(options.messagesPerSecond ?? 1))),
			{ ...DEFAULT_RETRY, maxAttempts: Math.max(1, Number(options.maxAttempts ?? 4)) },
			metrics?.callMeter('slack'),
		);
		const sent: INodeExecutionData[] = [];
		const rejected: INodeExecutionData[] = [];
		let stop: NodeApiError | undefined;
		for (let i = 0; i < items.length; i++) {
			const itemOptions = this.getNodeParameter('options', i, {}) as IDataObject;
			const message: IDataObject = {
				channel: String(this.getNodeParameter('channel', i)).trim(),
				text: String(this.getNodeParameter('text', i)),
				unfurl_links: itemOptions.unfurlLinks === true,
				...(itemOptions.threadTs ? { thread_ts: String(itemOptions.threadTs) } : {}),
			};
			const outcome = await client.postMessage(message);
			if (outcome.ok) {
				sent.push({
					json: { ok: true, channel: outcome.channel, ts: outcome.ts },
					pairedItem: { item: i },
				});
			} else if (!outcome.fatal) {
				rejected.push({
					json: { ...items[i].json, error: outcome.error, code: outcome.code },
					pairedItem: { item: i },
				});
			} else if (this.continueOnFail()) {
				sent.push(continuedItem(this, i, `Slack: ${outcome.error}`));
			} else {
				stop = failure(this, outcome, i);
				break;
			}
		}
		if (metrics) {
			const pipeline = this.getWorkflow().name ?? '';
			metrics.count('revops_slack_messages_total', { pipeline, outcome: 'ok' }, sent.length);
			for (const item of rejected)
				metrics.count('revops_slack_messages_total', {
					pipeline,
					outcome: String(item.json.code),
				});
			void metrics.flush(!!stop);
		}
		if (stop) throw stop;
		return [sent, rejected];
	}
}

function failure(context: IExecuteFunctions, outcome: Refused, itemIndex: number): NodeApiError {
	return new NodeApiError(context.getNode(), { message: outcome.error } as JsonObject, {
		message: `Slack: ${outcome.error}`,
		description: hintFor(outcome.error),
		itemIndex,
	});
}
