import { randomBytes } from 'node:crypto';

import { SCHEME_NAMES, signRequest, verifySignature } from '../../../../../nodes/shared/signatures';
import type {
	SchemeName,
	VerifyOptions,
	VerifyRequest,
	VerifyResult,
} from '../../../../../nodes/shared/signatures';

// Malformed input gets a clear reason and a status, never an exception, never a secret.
const SECRET = 'whsec_bWFsZm9ybWVkLXRlc3RzLXNlY3JldC1rZXk=';
const NOW = 1_750_000_000;
const BODY = '{"ok":true}';
const URL = 'https://example.test/hook';
const CUSTOM: VerifyOptions['custom'] = {
	signatureHeader: 'X-Sig',
	prefix: 'sha256=',
	algorithm: 'sha256',
	encoding: 'hex',
	payloadTemplate: '{timestamp}.{body}',
	timestampHeader: 'X-Ts',
};
const options = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({
	secrets: { current: SECRET },
	now: () => NOW * 1000,
	custom: CUSTOM,
	...extra,
});

function genuine(scheme: SchemeName, body: string | Buffer = BODY): VerifyRequest {
	const headers = signRequest(
		scheme,
		SECRET,
		{ body, timestamp: NOW, id: 'evt_1', url: URL },
		{ custom: CUSTOM },
	);
	return {
		method: 'POST',
		url: URL,
		headers,
		rawBody: Buffer.isBuffer(body) ? body : Buffer.from(body),
	};
}
function withHeaders(
	scheme: SchemeName,
	change: (headers: Record<string, string | string[] | undefined>) => void,
): VerifyResult {
	const request = genuine(scheme);
	change(request.headers);
	return verifySignature(scheme, request, options());
}
const refused = (status: number, reason: string) => ({ ok: false, status, reason });

describe('missing headers', () => {
	it.each<[SchemeName, string, number]>([
		['standardWebhooks', 'webhook-signature', 401],
		['standardWebhooks', 'webhook-id', 400],
		['standardWebhooks', 'webhook-timestamp', 400],
		['stripe', 'stripe-signature', 401],
		['github', 'x-hub-signature-256', 401],
		['slack', 'x-slack-signature', 401],
		['slack', 'x-slack-request-timestamp', 400],
		['shopify', 'x-shopify-hmac-sha256', 401],
		['hubspotV1', 'x-hubspot-signature', 401],
		['hubspotV2', 'x-hubspot-signature', 401],
		['hubspotV3', 'x-hubspot-signature-v3', 401],
		['hubspotV3', 'x-hubspot-request-timestamp', 400],
		['twilio', 'x-twilio-signature', 401],
		['clay', 'x-clay-webhook-secret', 401],
		['custom', 'x-sig', 401],
		['custom', 'x-ts', 400],
	])('%s without %s is %i', (scheme, header, status) => {
		expect(withHeaders(scheme, (h) => delete h[header])).toEqual(
			refused(status, `missing header ${header}`),
		);
	});

	it('an empty or blank header counts as missing', () => {
		expect(withHeaders('github', (h) => (h['x-hub-signature-256'] = '  '))).toEqual(
			refused(401, 'missing header x-hub-signature-256'),
		);
		expect(withHeaders('github', (h) => (h['x-hub-signature-256'] = []))).toEqual(
			refused(401, 'missing header x-hub-signature-256'),
		);
	});

	it('headers are matched without regard to case', () => {
		const request = genuine('slack');
		request.headers = Object.fromEntries(
			Object.entries(request.headers).map(([k, v]) => [k.toUpperCase(), v]),
		);
		expect(verifySignature('slack', request, options()).ok).toBe(true);
	});
});

describe('duplicated headers', () => {
	it('an array of two values is 400', () => {
		expect(
			withHeaders(
				'github',
				(h) => (h['x-hub-signature-256'] = [String(h['x-hub-signature-256']), 'sha256=00']),
			),
		).toEqual(refused(400, 'duplicated header x-hub-signature-256'));
	});
	it('the same header under two spellings is 400', () => {
		expect(withHeaders('slack', (h) => (h['X-Slack-Request-Timestamp'] = String(NOW)))).toEqual(
			refused(400, 'duplicated header x-slack-request-timestamp'),
		);
	});
	it('an array of one value is read as that value', () => {
		expect(
			withHeaders(
				'shopify',
				(h) => (h['x-shopify-hmac-sha256'] = [String(h['x-shopify-hmac-sha256'])]),
			).ok,
		).toBe(true);
	});
	it('a duplicated Stripe timestamp is 400', () => {
		expect(
			withHeaders('stripe', (h) => (h['stripe-signature'] = `t=${NOW},${h['stripe-signature']}`)),
		).toEqual(refused(400, 'duplicated t in stripe-signature'));
	});
	it('a duplicated HubSpot version header is 400', () => {
		expect(
			withHeaders('hubspotV1', (h) => (h['x-hubspot-signature-version'] = ['v1', 'v1'])),
		).toEqual(refused(400, 'duplicated header x-hubspot-signature-version'));
	});
});

describe('wrong prefix, bad encodings, wrong shapes', () => {
	it.each<[SchemeName, string, (v: string) => string, string]>([
		[
			'github',
			'x-hub-signature-256',
			(v) => v.replace('sha256=', 'sha1='),
			'wrong prefix in x-hub-signature-256 (expected sha256=)',
		],
		[
			'github',
			'x-hub-signature-256',
			(v) => v.replace('sha256=', ''),
			'wrong prefix in x-hub-signature-256 (expected sha256=)',
		],
		[
			'slack',
			'x-slack-signature',
			(v) => v.replace('v0=', 'v1='),
			'wrong prefix in x-slack-signature (expected v0=)',
		],
		[
			'custom',
			'x-sig',
			(v) => v.replace('sha256=', 'SHA256='),
			'wrong prefix in x-sig (expected sha256=)',
		],
		['github', 'x-hub-signature-256', (v) => `${v}z`, 'bad hex in x-hub-signature-256'],
		['github', 'x-hub-signature-256', (v) => v.slice(0, -1), 'bad hex in x-hub-signature-256'],
		['slack', 'x-slack-signature', (v) => v.replace(/.$/, 'g'), 'bad hex in x-slack-signature'],
		['stripe', 'stripe-signature', (v) => v.replace('v1=', 'v1=xx'), 'bad hex in stripe-signature'],
		['hubspotV1', 'x-hubspot-signature', () => 'not-hex', 'bad hex in x-hubspot-signature'],
		[
			'shopify',
			'x-shopify-hmac-sha256',
			(v) => `${v.slice(0, -2)}!=`,
			'bad base64 in x-shopify-hmac-sha256',
		],
		[
			'shopify',
			'x-shopify-hmac-sha256',
			(v) => v.replace(/=+$/, ''),
			'bad base64 in x-shopify-hmac-sha256',
		],
		[
			'hubspotV3',
			'x-hubspot-signature-v3',
			(v) => v.replace(/[+/]/g, '-'),
			'bad base64 in x-hubspot-signature-v3',
		],
		['twilio', 'x-twilio-signature', () => 'a b c', 'bad base64 in x-twilio-signature'],
		[
			'standardWebhooks',
			'webhook-signature',
			(v) => v.replace('v1,', 'v1,%%'),
			'bad base64 in webhook-signature',
		],
		[
			'standardWebhooks',
			'webhook-signature',
			(v) => v.replace('v1,', 'v2,'),
			'no v1 signature in webhook-signature',
		],
		[
			'stripe',
			'stripe-signature',
			(v) => v.replace('v1=', 'v0='),
			'no v1 signature in stripe-signature',
		],
		['stripe', 'stripe-signature', (v) => v.replace(/t=\d+,/, ''), 'missing t in stripe-signature'],
		['stripe', 'stripe-signature', (v) => `${v},garbage`, 'bad entry in stripe-signature'],
		[
			'stripe',
			'stripe-signature',
			(v) => v.replace(/t=\d+/, 't=yesterday'),
			'bad timestamp in stripe-signature',
		],
		['standardWebhooks', 'webhook-timestamp', () => '1.5e9', 'bad timestamp in webhook-timestamp'],
		[
			'slack',
			'x-slack-request-timestamp',
			() => '-1',
			'bad timestamp in x-slack-request-timestamp',
		],
		[
			'hubspotV3',
			'x-hubspot-request-timestamp',
			() => 'now',
			'bad timestamp in x-hubspot-request-timestamp',
		],
		['custom', 'x-ts', () => '12345678901234567890', 'bad timestamp in x-ts'],
		[
			'hubspotV1',
			'x-hubspot-signature-version',
			() => 'v2',
			'x-hubspot-signature-version is not v1',
		],
	])('%s with a bad %s is 400', (scheme, header, change, reason) => {
		const status = reason.startsWith('no v1') ? 401 : 400;
		expect(withHeaders(scheme, (h) => (h[header] = change(String(h[header]))))).toEqual(
			refused(status, reason),
		);
	});
});

describe('secrets', () => {
	it.each(SCHEME_NAMES)(
		'%s: an empty or blank current secret is refused before anything else',
		(scheme) => {
			for (const current of ['', '   ']) {
				expect(verifySignature(scheme, genuine(scheme), options({ secrets: { current } }))).toEqual(
					refused(401, 'empty secret: set it in the credential'),
				);
			}
		},
	);
	it('an empty previous secret is ignored, not matched', () => {
		const request = genuine('clay');
		request.headers['x-clay-webhook-secret'] = '';
		expect(
			verifySignature('clay', request, options({ secrets: { current: SECRET, previous: '' } })),
		).toEqual(refused(401, 'missing header x-clay-webhook-secret'));
		expect(
			verifySignature(
				'github',
				genuine('github'),
				options({ secrets: { current: SECRET, previous: '' } }),
			),
		).toMatchObject({ ok: true, keyUsed: 'current' });
	});
	it('Standard Webhooks: a secret that is not base64 is 401 with a reason naming the secret, not its value', () => {
		const result = verifySignature(
			'standardWebhooks',
			genuine('standardWebhooks'),
			options({ secrets: { current: 'whsec_not*base64' } }),
		);
		expect(result).toEqual(refused(401, 'bad base64 in secret'));
	});
	it('Standard Webhooks: a bad previous secret does not hide a current match', () => {
		expect(
			verifySignature(
				'standardWebhooks',
				genuine('standardWebhooks'),
				options({ secrets: { current: SECRET, previous: 'whsec_***' } }),
			),
		).toMatchObject({ ok: true, keyUsed: 'current' });
	});
	it('Standard Webhooks: a secret without the whsec_ prefix is the same key', () => {
		expect(
			verifySignature(
				'standardWebhooks',
				genuine('standardWebhooks'),
				options({ secrets: { current: SECRET.slice(6) } }),
			).ok,
		).toBe(true);
	});
});

describe('body', () => {
	it('a body over the limit is 413, at the limit is fine', () => {
		const body = 'x'.repeat(100);
		expect(
			verifySignature('github', genuine('github', body), options({ maxBodyBytes: 99 })),
		).toEqual(refused(413, 'body exceeds 99 bytes'));
		expect(
			verifySignature('github', genuine('github', body), options({ maxBodyBytes: 100 })).ok,
		).toBe(true);
	});
	it('the default limit is 1 MiB', () => {
		const body = Buffer.alloc(1024 * 1024 + 1, 0x61);
		expect(verifySignature('github', genuine('github', body), options())).toEqual(
			refused(413, 'body exceeds 1048576 bytes'),
		);
	});
	it('Twilio reads form parameters as text: a non-UTF-8 body is 400', () => {
		const body = Buffer.from([0x61, 0x3d, 0xff, 0xfe]);
		const request = {
			method: 'POST',
			url: URL,
			headers: { 'x-twilio-signature': 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' },
			rawBody: body,
		};
		expect(verifySignature('twilio', request, options())).toEqual(
			refused(400, 'body is not valid UTF-8'),
		);
	});
	it('a missing raw body is 400 with a hint', () => {
		const request = { ...genuine('github'), rawBody: undefined as unknown as Buffer };
		expect(verifySignature('github', request, options())).toEqual(
			refused(400, 'raw body missing: enable raw body on the webhook'),
		);
	});
	it('an empty body verifies', () => {
		expect(verifySignature('stripe', genuine('stripe', ''), options()).ok).toBe(true);
	});
});

describe('configuration', () => {
	it('an unknown scheme is 400', () => {
		expect(verifySignature('paypal' as SchemeName, genuine('github'), options())).toEqual(
			refused(400, 'unknown signature scheme'),
		);
	});
	it('custom without options is 400', () => {
		expect(verifySignature('custom', genuine('custom'), options({ custom: undefined }))).toEqual(
			refused(400, 'custom scheme: set the signature header'),
		);
	});
	it('custom template placeholders need their headers', () => {
		expect(
			verifySignature(
				'custom',
				genuine('custom'),
				options({ custom: { ...CUSTOM, timestampHeader: undefined } }),
			),
		).toEqual(
			refused(400, 'custom scheme: the template uses {timestamp} but no timestamp header is set'),
		);
		expect(
			verifySignature(
				'custom',
				genuine('custom'),
				options({ custom: { ...CUSTOM, payloadTemplate: '{id}{body}' } }),
			),
		).toEqual(refused(400, 'custom scheme: the template uses {id} but no id header is set'));
	});
});

describe('never throws, never leaks', () => {
	const junk = (): string | string[] | undefined => {
		const pick = randomBytes(1)[0] % 6;
		if (pick === 0) return undefined;
		if (pick === 1) return [randomBytes(8).toString('base64'), randomBytes(8).toString('hex')];
		if (pick === 2)
			return `v1,${randomBytes(32).toString('base64')} v1,${randomBytes(3).toString('latin1')}`;
		if (pick === 3)
			return `t=${randomBytes(2).toString('hex')},v1=${randomBytes(32).toString('hex')},v1`;
		if (pick === 4) return randomBytes(12).toString('latin1');
		return `sha256=${randomBytes(32).toString('hex')}`;
	};
	const names = [
		'webhook-id',
		'webhook-timestamp',
		'webhook-signature',
		'stripe-signature',
		'x-hub-signature-256',
		'x-hub-signature',
		'x-slack-signature',
		'x-slack-request-timestamp',
		'x-shopify-hmac-sha256',
		'x-hubspot-signature',
		'x-hubspot-signature-version',
		'x-hubspot-signature-v3',
		'x-hubspot-request-timestamp',
		'x-twilio-signature',
		'x-clay-webhook-secret',
		'X-Sig',
		'x-ts',
	];

	it.each(SCHEME_NAMES)(
		'%s: 300 random requests each get a refusal with a status and a short reason',
		(scheme) => {
			for (let i = 0; i < 300; i++) {
				const headers = Object.fromEntries(names.map((name) => [name, junk()]));
				const request = {
					method: i % 2 ? 'POST' : 'get',
					url: i % 3 ? URL : '::not a url::',
					headers,
					rawBody: randomBytes(i % 40),
					form: i % 5 ? undefined : { a: 'b' },
				};
				const result = verifySignature(
					scheme,
					request,
					options({ secrets: { current: SECRET, previous: 'whsec_cHJldg==' } }),
				);
				expect(result.ok).toBe(false);
				if (!result.ok) {
					expect([400, 401, 413]).toContain(result.status);
					expect(result.reason.length).toBeLessThan(90);
				}
			}
		},
	);

	it.each(SCHEME_NAMES)(
		'%s: no reason ever contains the secret or the expected signature',
		(scheme) => {
			const good = genuine(scheme);
			const expectedValues = Object.values(good.headers).map(String);
			const reasons = new Set<string>();
			const tamper: Array<(r: VerifyRequest) => void> = [
				(r) => (r.rawBody = Buffer.from('tampered')),
				(r) => Object.keys(r.headers).forEach((k) => delete r.headers[k]),
				(r) => Object.keys(r.headers).forEach((k) => (r.headers[k] = `${r.headers[k]}!`)),
				(r) => Object.keys(r.headers).forEach((k) => (r.headers[k] = [String(r.headers[k]), 'x'])),
			];
			for (const change of tamper) {
				const request = genuine(scheme);
				change(request);
				const result = verifySignature(scheme, request, options());
				if (!result.ok) reasons.add(result.reason);
			}
			expect(reasons.size).toBeGreaterThan(0);
			for (const reason of reasons) {
				expect(reason).not.toContain(SECRET);
				expect(reason).not.toContain(SECRET.slice(6));
				for (const value of expectedValues)
					if (value.length > 8) expect(reason).not.toContain(value);
			}
		},
	);
});
