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
	webhookSecretApiTest,
	type SignatureParameters,
} from '../glue/signature';
import { properties } from './description';
import { requestFromItem } from './itemRequest';
import { readParameters } from './parameters';

interface Verdict {
	itemIndex: number;
	signature: SignatureParameters;
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
			const { signature, request: fields } = readParameters(this, itemIndex);
			const request = await requestFromItem(this, items[itemIndex], itemIndex, fields);
			const result =
				'ok' in request
					? request
					: verifySignature(signature.scheme, request, { ...signature.verify, secrets });
			verdicts.push({ itemIndex, signature, result });
		}
		await refuseReplays(this, verdicts);

		const verified: INodeExecutionData[] = [];
		const rejected: INodeExecutionData[] = [];
		for (const {
			itemIndex,
			signature: { scheme },
			result,
		} of verdicts) {
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
	const candidates = verdicts.filter(
		({ signature, result }) => result.ok && signature.replayProtection,
	);
	if (candidates.length === 0) return;
	const keys = candidates.map(({ result }) => (result as VerifySuccess).replayKey);
	// One store per node: the first item's limit applies to all.
	const outcome = await context.helpers.checkProcessedAndRecord(keys, 'node', {
		mode: 'entries',
		maxEntries: verdicts[0].signature.maxRemembered,
	});
	const fresh = new Set(outcome.new.map(String));
	for (const verdict of candidates) {
		const key = (verdict.result as VerifySuccess).replayKey;
		if (fresh.has(key)) fresh.delete(key);
		else verdict.result = { ok: false, status: REPLAY_STATUS, reason: REPLAY_REASON };
	}
}
