import { createHash } from 'node:crypto';

import { signRequest, verifySignature } from '../../../../../nodes/shared/signatures';
import type {
	SchemeName,
	SchemeOptions,
	VerifyOptions,
	VerifyRequest,
} from '../../../../../nodes/shared/signatures';

// Every scheme: sign → verify, then each way a forger or a replayer could change the request.
const NOW_SECONDS = 1_750_000_000;
const now = () => NOW_SECONDS * 1000;
const CURRENT = 'whsec_Y3VycmVudC1rZXktZm9yLXJvdW5kLXRyaXBz';
const PREVIOUS = 'whsec_cHJldmlvdXMta2V5LWZvci1yb3VuZC10cmlwcw==';
const OTHER = 'whsec_b3RoZXIta2V5LW5vYm9keS1jb25maWd1cmVk';

interface Case {
	name: string;
	scheme: SchemeName;
	options?: SchemeOptions;
	/** Header carrying the timestamp ('stripe': inside Stripe-Signature); absent when the scheme signs none. */
	timestamp?: string;
	/** True when the URL is part of what is signed. */
	signsUrl?: boolean;
	body?: string;
}

const cases: Case[] = [
	{ name: 'Standard Webhooks', scheme: 'standardWebhooks', timestamp: 'webhook-timestamp' },
	{ name: 'Stripe', scheme: 'stripe', timestamp: 'stripe' },
	{ name: 'GitHub', scheme: 'github' },
	{ name: 'Slack', scheme: 'slack', timestamp: 'x-slack-request-timestamp' },
	{ name: 'Shopify', scheme: 'shopify' },
	{ name: 'HubSpot v1', scheme: 'hubspotV1' },
	{ name: 'HubSpot v2', scheme: 'hubspotV2', signsUrl: true },
	{
		name: 'HubSpot v3',
		scheme: 'hubspotV3',
		timestamp: 'x-hubspot-request-timestamp',
		signsUrl: true,
	},
	{
		name: 'Twilio',
		scheme: 'twilio',
		signsUrl: true,
		body: 'CallSid=CA1&From=%2B14155550100&Body=hello+there&Body=again',
	},
	{
		name: 'Custom sha256 hex, Stripe-like template',
		scheme: 'custom',
		timestamp: 'x-ts',
		options: {
			custom: {
				signatureHeader: 'X-Sig',
				prefix: 'sha256=',
				algorithm: 'sha256',
				encoding: 'hex',
				payloadTemplate: '{timestamp}.{body}',
				timestampHeader: 'X-Ts',
			},
		},
	},
	{
		name: 'Custom sha512 base64, every placeholder, ms timestamps',
		scheme: 'custom',
		timestamp: 'x-request-time',
		signsUrl: true,
		options: {
			custom: {
				signatureHeader: 'X-Signature',
				algorithm: 'sha512',
				encoding: 'base64',
				payloadTemplate: '{method} {url}\n{id}\n{timestamp}\n{body}',
				timestampHeader: 'X-Request-Time',
				timestampUnit: 'ms',
				idHeader: 'X-Event-Id',
			},
		},
	},
	{
		name: 'Custom sha1 hex over the body',
		scheme: 'custom',
		options: { custom: { signatureHeader: 'X-Body-Sig', algorithm: 'sha1', encoding: 'hex' } },
	},
];

const URL_SIGNED = 'https://hooks.example.test/webhook/revops?source=test&x=%2Fa%3Ab';

function signed(
	c: Case,
	secret = CURRENT,
	at = NOW_SECONDS,
	body = c.body ?? '{"event":"company.created","id":42,"name":"Acme Überstadt"}',
): VerifyRequest {
	const headers = signRequest(
		c.scheme,
		secret,
		{ body, timestamp: at, id: 'evt_1', method: 'POST', url: URL_SIGNED },
		c.options,
	);
	return { method: 'POST', url: URL_SIGNED, headers, rawBody: Buffer.from(body, 'utf8') };
}

const verify = (c: Case, request: VerifyRequest, extra: Partial<VerifyOptions> = {}) =>
	verifySignature(c.scheme, request, {
		secrets: { current: CURRENT },
		now,
		...c.options,
		...extra,
	});

const signatureHeaders = (headers: VerifyRequest['headers']) =>
	Object.keys(headers).filter(
		(name) => /sig|hmac|webhook-signature/i.test(name) && !/version/i.test(name),
	);

describe.each(cases)('$name', (c) => {
	it('a signed request verifies with the current key', () => {
		const result = verify(c, signed(c));
		expect(result).toMatchObject({ ok: true, scheme: c.scheme, keyUsed: 'current' });
		if (c.timestamp) expect(result).toMatchObject({ timestamp: NOW_SECONDS });
	});

	it('a request signed with the previous key verifies during rotation and says so', () => {
		const result = verify(c, signed(c, PREVIOUS), {
			secrets: { current: CURRENT, previous: PREVIOUS },
		});
		expect(result).toMatchObject({ ok: true, keyUsed: 'previous' });
	});

	it('a request signed with the current key still reports current when a previous key is set', () => {
		expect(
			verify(c, signed(c), { secrets: { current: CURRENT, previous: PREVIOUS } }),
		).toMatchObject({ ok: true, keyUsed: 'current' });
	});

	it('a request signed with an unknown key is 401 signature mismatch', () => {
		expect(
			verify(c, signed(c, OTHER), { secrets: { current: CURRENT, previous: PREVIOUS } }),
		).toEqual({ ok: false, status: 401, reason: 'signature mismatch' });
	});

	it('a tampered body is 401 signature mismatch', () => {
		const request = signed(c);
		request.rawBody = Buffer.concat([
			request.rawBody,
			Buffer.from(c.scheme === 'twilio' ? '&x=1' : ' '),
		]);
		expect(verify(c, request)).toEqual({ ok: false, status: 401, reason: 'signature mismatch' });
	});

	it('a signature from another request is 401 signature mismatch', () => {
		const request = signed(c);
		const forged = signed(c, CURRENT, NOW_SECONDS, '{"forged":true}');
		for (const name of signatureHeaders(request.headers))
			request.headers[name] = forged.headers[name];
		// Standard Webhooks and Custom sign the timestamp too: keep the original one so only the signature differs.
		expect(verify(c, request)).toEqual({ ok: false, status: 401, reason: 'signature mismatch' });
	});

	if (c.signsUrl) {
		it('a different URL is 401 signature mismatch', () => {
			const request = signed(c);
			request.url = URL_SIGNED.replace('revops', 'elsewhere');
			expect(verify(c, request)).toEqual({ ok: false, status: 401, reason: 'signature mismatch' });
		});
	}

	if (c.timestamp) {
		const header = c.timestamp;
		it('a changed timestamp (inside the tolerance) is 401 signature mismatch', () => {
			const request = signed(c);
			if (header === 'stripe') {
				request.headers['stripe-signature'] = String(request.headers['stripe-signature']).replace(
					`t=${NOW_SECONDS}`,
					`t=${NOW_SECONDS + 1}`,
				);
			} else {
				const value = String(request.headers[header]);
				request.headers[header] = String(Number(value) + (value.length > 11 ? 1000 : 1));
			}
			expect(verify(c, request)).toEqual({ ok: false, status: 401, reason: 'signature mismatch' });
		});

		it.each([
			['stale', -301],
			['future', +301],
		])('a %s timestamp is 401 with the tolerance reason', (_label, offset) => {
			expect(verify(c, signed(c, CURRENT, NOW_SECONDS + offset))).toEqual({
				ok: false,
				status: 401,
				reason: 'timestamp outside tolerance (300 s)',
			});
		});

		it('a timestamp just inside the tolerance verifies, both ways', () => {
			expect(verify(c, signed(c, CURRENT, NOW_SECONDS - 299)).ok).toBe(true);
			expect(verify(c, signed(c, CURRENT, NOW_SECONDS + 299)).ok).toBe(true);
		});

		it('the tolerance is a setting', () => {
			expect(verify(c, signed(c, CURRENT, NOW_SECONDS - 20), { toleranceSeconds: 10 })).toEqual({
				ok: false,
				status: 401,
				reason: 'timestamp outside tolerance (10 s)',
			});
			expect(verify(c, signed(c, CURRENT, NOW_SECONDS - 900), { toleranceSeconds: 1000 }).ok).toBe(
				true,
			);
		});
	}

	it('a body of arbitrary bytes round-trips', () => {
		if (c.scheme === 'twilio') return; // Twilio signs parameters parsed from text; see malformed tests.
		const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x7b]);
		const headers = signRequest(
			c.scheme,
			CURRENT,
			{ body: bytes, timestamp: NOW_SECONDS, id: 'evt_2', url: URL_SIGNED },
			c.options,
		);
		expect(verify(c, { method: 'POST', url: URL_SIGNED, headers, rawBody: bytes }).ok).toBe(true);
	});
});

describe('Clay (shared secret in a header)', () => {
	const options = { secrets: { current: 'clay-shared-secret' } };
	const request = (headers: VerifyRequest['headers'], body = '{"row":1}'): VerifyRequest => ({
		method: 'POST',
		url: '',
		headers,
		rawBody: Buffer.from(body),
	});

	it('the signer sets the header and the verifier accepts it', () => {
		const headers = signRequest('clay', 'clay-shared-secret', { body: '{"row":1}' });
		expect(headers).toEqual({ 'x-clay-webhook-secret': 'clay-shared-secret' });
		expect(verifySignature('clay', request(headers), options)).toMatchObject({
			ok: true,
			keyUsed: 'current',
		});
	});
	it('the header name is a setting', () => {
		const headers = signRequest(
			'clay',
			'clay-shared-secret',
			{ body: '' },
			{ clayHeader: 'X-My-Token' },
		);
		expect(headers).toEqual({ 'x-my-token': 'clay-shared-secret' });
		expect(
			verifySignature('clay', request(headers), { ...options, clayHeader: 'X-My-Token' }).ok,
		).toBe(true);
		expect(verifySignature('clay', request(headers), options)).toEqual({
			ok: false,
			status: 401,
			reason: 'missing header x-clay-webhook-secret',
		});
	});
	it('a wrong secret, shorter, longer or same length, is 401 signature mismatch', () => {
		for (const value of ['clay', 'clay-shared-secret-and-more', 'clay-shared-secreT']) {
			expect(verifySignature('clay', request({ 'x-clay-webhook-secret': value }), options)).toEqual(
				{ ok: false, status: 401, reason: 'signature mismatch' },
			);
		}
	});
	it('rotation: the previous secret still opens the door and is reported', () => {
		expect(
			verifySignature('clay', request({ 'x-clay-webhook-secret': 'old' }), {
				secrets: { current: 'new', previous: 'old' },
			}),
		).toMatchObject({ ok: true, keyUsed: 'previous' });
	});
	it('the body is not signed (a shared secret only proves the caller knows it)', () => {
		expect(
			verifySignature(
				'clay',
				request({ 'x-clay-webhook-secret': 'clay-shared-secret' }, 'anything'),
				options,
			).ok,
		).toBe(true);
	});
});

describe('GitHub SHA-1 (legacy header, opt-in)', () => {
	const secret = 'gh-secret';
	const body = '{"zen":"Keep it logically awesome."}';
	const sha1Only = () => {
		const { 'x-hub-signature': sha1 } = signRequest('github', secret, { body });
		return {
			method: 'POST',
			url: '',
			headers: { 'x-hub-signature': sha1 },
			rawBody: Buffer.from(body),
		};
	};
	it('is refused unless allowed', () => {
		expect(verifySignature('github', sha1Only(), { secrets: { current: secret } })).toEqual({
			ok: false,
			status: 401,
			reason: 'missing header x-hub-signature-256',
		});
	});
	it('verifies when allowed', () => {
		expect(
			verifySignature('github', sha1Only(), { secrets: { current: secret }, githubAllowSha1: true })
				.ok,
		).toBe(true);
	});
	it('a forged SHA-1 is 401 signature mismatch', () => {
		const request = sha1Only();
		request.rawBody = Buffer.from(`${body} `);
		expect(
			verifySignature('github', request, { secrets: { current: secret }, githubAllowSha1: true }),
		).toEqual({ ok: false, status: 401, reason: 'signature mismatch' });
	});
	it('the SHA-256 header wins when both are sent', () => {
		const headers = signRequest('github', secret, { body });
		headers['x-hub-signature'] = 'sha1=0000000000000000000000000000000000000000';
		expect(
			verifySignature(
				'github',
				{ method: 'POST', url: '', headers, rawBody: Buffer.from(body) },
				{ secrets: { current: secret }, githubAllowSha1: true },
			).ok,
		).toBe(true);
	});
});

describe('Twilio JSON bodies (bodySHA256 in the URL)', () => {
	const token = 'twilio-token';
	const body = '{"CallSid":"CA1"}';
	const url = `https://example.test/status?bodySHA256=${createHash('sha256').update(body).digest('hex')}`;
	const signedRequest = (): VerifyRequest => ({
		method: 'POST',
		url,
		headers: signRequest('twilio', token, { body, url }),
		rawBody: Buffer.from(body),
	});

	it('verifies', () => {
		expect(verifySignature('twilio', signedRequest(), { secrets: { current: token } }).ok).toBe(
			true,
		);
	});
	it('a body that does not match bodySHA256 is 401', () => {
		const request = signedRequest();
		request.rawBody = Buffer.from('{"CallSid":"CA2"}');
		expect(verifySignature('twilio', request, { secrets: { current: token } })).toEqual({
			ok: false,
			status: 401,
			reason: 'body does not match bodySHA256',
		});
	});
});
