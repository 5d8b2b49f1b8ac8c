import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import {
	REPLAY_REASON,
	REPLAY_STATUS,
	verifySignature,
	type VerifySuccess,
} from '../shared/signatures';
import {
	acceptedSignature,
	CREDENTIAL_TYPE,
	rejectedSignature,
	secretsFrom,
	signatureSettings,
	webhookSecretApiTest,
} from '../signing';
import { properties } from './description';
import { requestFromItem } from './input';

interface Verdict {
	itemIndex: number;
	result: VerifySuccess | { ok: false; status: number; reason: string };
}

export class VerifySignature implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Verify Signature',
		name: 'verifySignature',
		icon: { light: 'file:verifySignature.svg', dark: 'file:verifySignature.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["scheme"]}}',
		description:
			'Checks the HMAC signature of webhook requests received by another node; verified and rejected items go to separate outputs',
		defaults: { name: 'Verify Signature' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Verified' },
			{ type: NodeConnectionTypes.Main, displayName: 'Rejected' },
		],
		credentials: [{ name: 'webhookSecretApi', required: true, testedBy: 'webhookSecretApiTest' }],
		usableAsTool: true,
		properties,
	};

	methods = { credentialTest: { webhookSecretApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const secrets = secretsFrom(await this.getCredentials(CREDENTIAL_TYPE));
		const verdicts: Verdict[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const settings = signatureSettings((name, fallback) =>
				this.getNodeParameter(name, itemIndex, fallback),
			);
			const request = await requestFromItem(this, items[itemIndex], itemIndex);
			const result =
				'ok' in request
					? request
					: verifySignature(settings.scheme, request, { ...settings.verify, secrets });
			verdicts.push({ itemIndex, result });
		}
		await refuseReplays(this, verdicts);

		const verified: INodeExecutionData[] = [];
		const rejected: INodeExecutionData[] = [];
		for (const { itemIndex, result } of verdicts) {
			const scheme = this.getNodeParameter('scheme', itemIndex) as VerifySuccess['scheme'];
			const signature = result.ok ? acceptedSignature(result) : rejectedSignature(scheme, result);
			(result.ok ? verified : rejected).push({
				json: { ...items[itemIndex].json, signature } as IDataObject,
				binary: items[itemIndex].binary,
				pairedItem: { item: itemIndex },
			});
		}
		return [verified, rejected];
	}
}

/**
 * One look-up in n8n's processed-data store (the table Remove Duplicates uses: kept across restarts, shared by
 * every process) for all verified items; a key already stored, or repeated within this batch, is a replay.
 */
async function refuseReplays(context: IExecuteFunctions, verdicts: Verdict[]): Promise<void> {
	const candidates = verdicts.filter(({ itemIndex, result }) => {
		const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return result.ok && options.replayProtection !== false;
	});
	if (candidates.length === 0) return;
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const keys = candidates.map(({ result }) => (result as VerifySuccess).replayKey);
	const outcome = await context.helpers.checkProcessedAndRecord(keys, 'node', {
		mode: 'entries',
		maxEntries: Number(options.maxRemembered ?? 10000),
	});
	const fresh = new Set(outcome.new.map(String));
	for (const verdict of candidates) {
		const key = (verdict.result as VerifySuccess).replayKey;
		if (fresh.has(key)) fresh.delete(key);
		else verdict.result = { ok: false, status: REPLAY_STATUS, reason: REPLAY_REASON };
	}
}
