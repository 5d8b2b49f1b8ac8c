import {
	deriveReplayKey,
	REPLAY_REASON,
	REPLAY_STATUS,
	signRequest,
	verifySignature,
} from '../../../../../nodes/shared/signatures';
import type { SchemeName, VerifyRequest } from '../../../../../nodes/shared/signatures';

// The node stores replayKey and answers REPLAY_STATUS when it has seen it; these tests pin what the key is.
const SECRET = 'whsec_cmVwbGF5LXNlY3JldA==';
const NOW = 1_750_000_000;
const now = () => NOW * 1000;

function signed(scheme: SchemeName, body: string, id = 'evt_1', timestamp = NOW): VerifyRequest {
	return {
		method: 'POST',
		url: 'https://example.test/hook',
		headers: signRequest(scheme, SECRET, { body, id, timestamp }),
		rawBody: Buffer.from(body),
	};
}
const keyOf = (scheme: SchemeName, request: VerifyRequest) => {
	const result = verifySignature(scheme, request, { secrets: { current: SECRET }, now });
	if (!result.ok) throw new Error(result.reason);
	return result.replayKey;
};

describe('replay key', () => {
	it('the node answers 409 with a fixed, short reason', () => {
		expect(REPLAY_STATUS).toBe(409);
		expect(REPLAY_REASON).toBe('replayed request: already received within the replay window');
	});

	it('Standard Webhooks keys on the signed event id: a resend with a new timestamp is still the same event', () => {
		const first = keyOf('standardWebhooks', signed('standardWebhooks', '{"a":1}', 'msg_1', NOW));
		const resend = keyOf(
			'standardWebhooks',
			signed('standardWebhooks', '{"a":1}', 'msg_1', NOW + 60),
		);
		expect(first).toBe('standardWebhooks:id:msg_1');
		expect(resend).toBe(first);
		expect(keyOf('standardWebhooks', signed('standardWebhooks', '{"a":1}', 'msg_2'))).not.toBe(
			first,
		);
	});

	it('GitHub keys on the signature, not on the unsigned delivery id (which a replayer could change)', () => {
		const request = signed('github', '{"a":1}', 'delivery-1');
		const replay = signed('github', '{"a":1}', 'delivery-2');
		expect(keyOf('github', request)).toBe(keyOf('github', replay));
		expect(keyOf('github', request)).toMatch(/^github:sig:[0-9a-f]{64}$/);
		expect(keyOf('github', signed('github', '{"a":2}'))).not.toBe(keyOf('github', request));
	});

	it('Stripe keys on the signature: the same event re-signed at another time is another delivery', () => {
		expect(keyOf('stripe', signed('stripe', '{}', 'x', NOW))).not.toBe(
			keyOf('stripe', signed('stripe', '{}', 'x', NOW + 1)),
		);
	});

	it('Custom keys on the id only when the template signs it', () => {
		const custom = {
			signatureHeader: 'x-sig',
			algorithm: 'sha256' as const,
			encoding: 'hex' as const,
			idHeader: 'x-id',
		};
		const verify = (payloadTemplate: string, id: string) => {
			const options = { custom: { ...custom, payloadTemplate } };
			const headers = signRequest('custom', SECRET, { body: '{}', id }, options);
			const result = verifySignature(
				'custom',
				{ method: 'POST', url: '', headers, rawBody: Buffer.from('{}') },
				{ secrets: { current: SECRET }, ...options },
			);
			return result.ok ? result.replayKey : result.reason;
		};
		expect(verify('{id}.{body}', 'e-1')).toBe('custom:id:e-1');
		expect(verify('{body}', 'e-1')).toMatch(/^custom:sig:/);
		expect(verify('{body}', 'e-1')).toBe(verify('{body}', 'e-2'));
	});

	it('Clay keys on the body, since its header is the same on every request', () => {
		const request = (body: string): VerifyRequest => ({
			method: 'POST',
			url: '',
			headers: { 'x-clay-webhook-secret': SECRET },
			rawBody: Buffer.from(body),
		});
		expect(keyOf('clay', request('{"row":1}'))).toBe(keyOf('clay', request('{"row":1}')));
		expect(keyOf('clay', request('{"row":1}'))).not.toBe(keyOf('clay', request('{"row":2}')));
	});

	it('keys never contain the signature itself', () => {
		const request = signed('slack', '{}');
		const signature = String(request.headers['x-slack-signature']).slice(3);
		expect(keyOf('slack', request)).not.toContain(signature);
	});

	it('deriveReplayKey is pure', () => {
		expect(deriveReplayKey('shopify', undefined, Buffer.from('abc'))).toBe(
			'shopify:sig:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
		);
		expect(deriveReplayKey('standardWebhooks', 'msg_9', Buffer.from('abc'))).toBe(
			'standardWebhooks:id:msg_9',
		);
	});
});
