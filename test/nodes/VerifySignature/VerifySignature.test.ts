// Verify Signature run by n8n's engine: items received elsewhere (their headers and raw body text) go to
// "Verified" with the signature metadata or to "Rejected" with the reason, each paired with its input item.
import { WebhookSecretApi } from '../../../credentials/WebhookSecretApi.credentials';
import { VerifySignature } from '../../../nodes/VerifySignature/VerifySignature.node';
import { webhookSecretApiTest } from '../../../nodes/glue/signature';
import {
	SCHEME_NAMES,
	signRequest,
	type SchemeName,
	type SchemeOptions,
} from '../../../nodes/shared/signatures';
import { executeNode, MemoryDedupeStore } from '../helpers/executeNode';
import type { ICredentialTestFunctions } from 'n8n-workflow';

const node = new VerifySignature();
const CURRENT = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const PREVIOUS = `whsec_${Buffer.from('the-secret-before-the-rotation!!').toString('base64')}`;
const credentials = [
	{ type: new WebhookSecretApi(), data: { secret: CURRENT, previousSecret: PREVIOUS } },
];
const URL = 'https://hooks.example.com/webhook/signed?source=test';

const custom: SchemeOptions = {
	custom: {
		signatureHeader: 'X-Signature',
		prefix: 'v1=',
		algorithm: 'sha512',
		encoding: 'base64',
		payloadTemplate: '{timestamp}:{body}',
		timestampHeader: 'X-Timestamp',
		timestampUnit: 's',
	},
};
const customParameters = {
	customSignatureHeader: 'X-Signature',
	customPrefix: 'v1=',
	customAlgorithm: 'sha512',
	customEncoding: 'base64',
	customPayloadTemplate: '{timestamp}:{body}',
	customTimestampHeader: 'X-Timestamp',
};

/** An item as a Webhook node plus a Set node would hand it over: headers and the raw body text. */
function signedItem(
	scheme: SchemeName,
	options: { body?: string; secret?: string; at?: number } = {},
) {
	const body =
		options.body ??
		(scheme === 'twilio'
			? 'CallSid=CA1&From=%2B15550100'
			: JSON.stringify({ amount: 42, n: Math.random() }));
	const headers = signRequest(
		scheme,
		options.secret ?? CURRENT,
		{ body, url: URL, timestamp: options.at },
		custom,
	);
	return { headers, rawBody: body };
}

const verify = (
	scheme: SchemeName,
	items: object[],
	extra: object = {},
	dedupeStore?: MemoryDedupeStore,
) =>
	executeNode({
		node,
		credentials,
		items: items as never,
		dedupeStore,
		parameters: {
			scheme,
			bodySource: 'field',
			url: URL,
			...(scheme === 'custom' ? customParameters : {}),
			...extra,
		},
	});

describe('Verify Signature node', () => {
	test.each([...SCHEME_NAMES])(
		'a genuine %s item is verified, with its metadata',
		async (scheme) => {
			const run = await verify(scheme, [signedItem(scheme)]);
			expect(run.error).toBeUndefined();
			expect(run.outputs[1]).toEqual([]);
			expect(run.outputs[0]).toHaveLength(1);
			expect(run.outputs[0][0].pairedItem).toEqual({ item: 0 });
			expect(run.outputs[0][0].json.signature).toMatchObject({
				verified: true,
				scheme,
				keyUsed: 'current',
			});
			expect(run.outputs[0][0].json.rawBody).toBeDefined();
		},
	);

	test('forged, tampered, stale and unsigned items go to Rejected with the reason; good ones still pass', async () => {
		const good = signedItem('stripe');
		const tampered = { ...signedItem('stripe'), rawBody: '{"amount": 4200}' };
		const run = await verify('stripe', [
			signedItem('stripe', { secret: 'whsec_someone-else' }),
			good,
			tampered,
			signedItem('stripe', { at: Math.floor(Date.now() / 1000) - 3600 }),
			{ rawBody: '{}', headers: {} },
		]);
		expect(run.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(run.outputs[1].map((item) => [item.pairedItem, item.json.signature])).toEqual([
			[
				{ item: 0 },
				{ verified: false, scheme: 'stripe', status: 401, reason: 'signature mismatch' },
			],
			[
				{ item: 2 },
				{ verified: false, scheme: 'stripe', status: 401, reason: 'signature mismatch' },
			],
			[
				{ item: 3 },
				{
					verified: false,
					scheme: 'stripe',
					status: 401,
					reason: 'timestamp outside tolerance (300 s)',
				},
			],
			[
				{ item: 4 },
				{
					verified: false,
					scheme: 'stripe',
					status: 401,
					reason: 'missing header stripe-signature',
				},
			],
		]);
	});

	test('the previous secret still verifies during a rotation', async () => {
		const run = await verify('github', [signedItem('github', { secret: PREVIOUS })]);
		expect(run.outputs[0][0].json.signature).toMatchObject({ verified: true, keyUsed: 'previous' });
	});

	test('the tolerance is a setting', async () => {
		const item = signedItem('slack', { at: Math.floor(Date.now() / 1000) - 600 });
		expect((await verify('slack', [item])).outputs[1]).toHaveLength(1);
		expect((await verify('slack', [item], { toleranceSeconds: 900 })).outputs[0]).toHaveLength(1);
	});

	test('a replay is rejected within one batch and in a later execution; the store is n8n’s processed-data one', async () => {
		const store = new MemoryDedupeStore();
		const item = signedItem('standardWebhooks');
		const first = await verify('standardWebhooks', [item, item], {}, store);
		expect(first.outputs[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }]);
		expect(first.outputs[1].map((i) => [i.pairedItem, i.json.signature])).toEqual([
			[
				{ item: 1 },
				{
					verified: false,
					scheme: 'standardWebhooks',
					status: 409,
					reason: 'replayed request: already received within the replay window',
				},
			],
		]);
		const later = await verify(
			'standardWebhooks',
			[item, signedItem('standardWebhooks')],
			{},
			store,
		);
		expect(later.outputs[1].map((i) => i.pairedItem)).toEqual([{ item: 0 }]);
		expect(later.outputs[0].map((i) => i.pairedItem)).toEqual([{ item: 1 }]);
	});

	test('replay protection can be turned off', async () => {
		const item = signedItem('github');
		const run = await verify('github', [item, item], { options: { replayProtection: false } });
		expect(run.outputs[0]).toHaveLength(2);
	});

	test('a body that was already parsed cannot be verified, and the item says why', async () => {
		const run = await verify('github', [
			{ headers: signedItem('github').headers, rawBody: { amount: 42 } },
		]);
		expect(run.outputs[1][0].json.signature).toEqual({
			verified: false,
			scheme: 'github',
			status: 400,
			reason: 'field "rawBody" holds parsed data, not the raw body text that was signed',
		});
	});

	test('a body over the size limit is rejected with 413', async () => {
		const run = await verify('shopify', [signedItem('shopify', { body: 'x'.repeat(2000) })], {
			options: { maxBodyBytes: 1000 },
		});
		expect(run.outputs[1][0].json.signature).toMatchObject({
			status: 413,
			reason: 'body exceeds 1000 bytes',
		});
	});

	test('a custom scheme with a wrong setting rejects items with the setting to fix, not an exception', async () => {
		const run = await verify('custom', [signedItem('custom')], { customTimestampHeader: '' });
		expect(run.error).toBeUndefined();
		expect(run.outputs[1][0].json.signature).toMatchObject({
			status: 400,
			reason: 'custom scheme: the template uses {timestamp} but no timestamp header is set',
		});
	});
});

describe('Webhook Signing Secret API credential test', () => {
	const test_ = (data: Record<string, string>) =>
		webhookSecretApiTest.call({} as ICredentialTestFunctions, {
			id: '1',
			name: 'secret',
			type: 'webhookSecretApi',
			data,
		});

	test('a set secret passes; the check is local, no request is made', async () => {
		expect(await test_({ secret: CURRENT, previousSecret: '' })).toMatchObject({ status: 'OK' });
	});

	test.each([
		[{ secret: '' }, 'Current secret is empty'],
		[
			{ secret: ` ${CURRENT}\n` },
			'Current secret starts or ends with whitespace; paste it without spaces or line breaks',
		],
		[
			{ secret: CURRENT, previousSecret: CURRENT },
			'Previous secret equals the current one; clear it once the rotation is done',
		],
	])('%j is refused: %s', async (data, message) => {
		expect(await test_(data)).toEqual({ status: 'Error', message });
	});
});
