import { createHmac } from 'node:crypto';

import { signRequest, verifySignature } from '../../../../../nodes/shared/signatures';
import type { SchemeName, VerifyRequest } from '../../../../../nodes/shared/signatures';

// Published vectors, each checked three ways: the raw node:crypto computation, our signer, our verifier.
const at = (seconds: number) => () => seconds * 1000 + 30_000;
const request = (
	headers: VerifyRequest['headers'],
	body: string,
	extra: Partial<VerifyRequest> = {},
): VerifyRequest => ({
	method: 'POST',
	url: 'https://example.test/hook',
	headers,
	rawBody: Buffer.from(body, 'utf8'),
	...extra,
});

describe('Standard Webhooks (standard-webhooks/standard-webhooks README and library tests)', () => {
	const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
	const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
	const ts = 1614265330;
	const body = '{"test": 2432232314}';
	const signature = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

	it('reproduces with node:crypto', () => {
		const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
		expect(`v1,${createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64')}`).toBe(
			signature,
		);
	});
	it('is what the signer produces', () => {
		expect(
			signRequest('standardWebhooks', secret, { body, id, timestamp: ts })['webhook-signature'],
		).toBe(signature);
	});
	it('verifies', () => {
		const headers = {
			'webhook-id': id,
			'webhook-timestamp': String(ts),
			'webhook-signature': signature,
		};
		expect(
			verifySignature('standardWebhooks', request(headers, body), {
				secrets: { current: secret },
				now: at(ts),
			}),
		).toEqual({
			ok: true,
			scheme: 'standardWebhooks',
			keyUsed: 'current',
			timestamp: ts,
			eventId: id,
			replayKey: `standardWebhooks:id:${id}`,
		});
	});
	it('verifies when the header lists other signatures first (rotation on the sender side)', () => {
		const headers = {
			'webhook-id': id,
			'webhook-timestamp': String(ts),
			'webhook-signature': `v1a,bm9wZQ== v1,Zm9yZ2VkLXNpZ25hdHVyZS1ieXRlcy0zMi1sb25nISE= ${signature}`,
		};
		expect(
			verifySignature('standardWebhooks', request(headers, body), {
				secrets: { current: secret },
				now: at(ts),
			}).ok,
		).toBe(true);
	});
});

describe('GitHub (docs.github.com, "Validating webhook deliveries")', () => {
	const secret = "It's a Secret to Everybody";
	const body = 'Hello, World!';
	const signature = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

	it('reproduces with node:crypto', () => {
		expect(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`).toBe(signature);
	});
	it('is what the signer produces', () => {
		expect(signRequest('github', secret, { body })['x-hub-signature-256']).toBe(signature);
	});
	it('verifies, with the delivery id as metadata', () => {
		const result = verifySignature(
			'github',
			request({ 'X-Hub-Signature-256': signature, 'X-GitHub-Delivery': 'd-1' }, body),
			{
				secrets: { current: secret },
			},
		);
		expect(result).toMatchObject({ ok: true, keyUsed: 'current', eventId: 'd-1' });
	});
});

describe('HubSpot (v1/v2: @hubspot/api-client test/unit/signature.spec; v3: hubspot-api-python and -ruby signature tests)', () => {
	const secret = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
	const url = 'https://www.example.com/webhook_uri';
	const v1Body =
		'[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]';
	// The SDKs' v3 vector uses this body literally: single quotes, not JSON.
	const v3Body = "{'example_field':'example_value'}";
	const cases: Array<{
		scheme: SchemeName;
		method: string;
		body: string;
		signature: string;
		headers: (s: string) => VerifyRequest['headers'];
	}> = [
		{
			scheme: 'hubspotV1',
			method: 'POST',
			body: v1Body,
			signature: '232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de',
			headers: (s) => ({ 'X-HubSpot-Signature': s, 'X-HubSpot-Signature-Version': 'v1' }),
		},
		{
			scheme: 'hubspotV1',
			method: 'POST',
			body: v3Body,
			signature: '69fc6631a867edd4f9e9e627fc5c1148e3fbdd8b21837b6d2b8901c1fa57f750',
			headers: (s) => ({ 'X-HubSpot-Signature': s }),
		},
		{
			scheme: 'hubspotV2',
			method: 'GET',
			body: '',
			signature: 'eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e',
			headers: (s) => ({ 'X-HubSpot-Signature': s, 'X-HubSpot-Signature-Version': 'v2' }),
		},
		{
			scheme: 'hubspotV2',
			method: 'POST',
			body: '{"example_field":"example_value"}',
			signature: '9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900',
			headers: (s) => ({ 'X-HubSpot-Signature': s }),
		},
		{
			scheme: 'hubspotV2',
			method: 'POST',
			body: v3Body,
			signature: '4fe4e3a7d3cf09db53be39d0a58130e2aaba074ec123a9e355b876a689a1c383',
			headers: (s) => ({ 'X-HubSpot-Signature': s }),
		},
		{
			scheme: 'hubspotV3',
			method: 'POST',
			body: v3Body,
			signature: 'HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw=',
			headers: (s) => ({ 'X-HubSpot-Signature-v3': s, 'X-HubSpot-Request-Timestamp': '15000000' }),
		},
	];

	it.each(cases)(
		'$scheme $method $signature verifies and is what the signer produces',
		({ scheme, method, body, signature, headers }) => {
			const result = verifySignature(scheme, request(headers(signature), body, { method, url }), {
				secrets: { current: secret },
				now: () => 15000000, // the v3 vector's timestamp is 15000000 ms
			});
			expect(result).toMatchObject({ ok: true, scheme, keyUsed: 'current' });
			const signed = signRequest(scheme, secret, { body, method, url, timestamp: 15000 });
			expect(
				signed[scheme === 'hubspotV3' ? 'x-hubspot-signature-v3' : 'x-hubspot-signature'],
			).toBe(signature);
		},
	);

	it('v3 reproduces with node:crypto', () => {
		expect(
			createHmac('sha256', secret).update(`POST${url}${v3Body}15000000`).digest('base64'),
		).toBe('HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw=');
	});
	it('v3 reports the timestamp in seconds', () => {
		const result = verifySignature(
			'hubspotV3',
			request(cases[5].headers(cases[5].signature), v3Body, { url }),
			{
				secrets: { current: secret },
				now: () => 15000000,
			},
		);
		expect(result).toMatchObject({ ok: true, timestamp: 15000 });
	});
});

describe('Slack (docs.slack.dev, "Verifying requests from Slack" worked example)', () => {
	const secret = '8f742231b10e8888abcd99yyyzzz85a5';
	const ts = 1531420618;
	const body =
		'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
	const signature = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

	it('reproduces with node:crypto', () => {
		expect(`v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`).toBe(
			signature,
		);
	});
	it('is what the signer produces and verifies', () => {
		expect(signRequest('slack', secret, { body, timestamp: ts })['x-slack-signature']).toBe(
			signature,
		);
		const headers = { 'X-Slack-Request-Timestamp': String(ts), 'X-Slack-Signature': signature };
		expect(
			verifySignature('slack', request(headers, body), {
				secrets: { current: secret },
				now: at(ts),
			}),
		).toMatchObject({ ok: true, timestamp: ts });
	});
});

describe('Twilio (twilio-php docs/usage/validation.rst example)', () => {
	const token = '12345';
	const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
	const form = {
		CallSid: 'CA1234567890ABCDE',
		Caller: '+14158675309',
		Digits: '1234',
		From: '+14158675309',
		To: '+18005551212',
	};
	const signature = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';
	const body = new URLSearchParams(form).toString();

	it('reproduces with node:crypto', () => {
		const payload =
			url +
			Object.keys(form)
				.sort()
				.map((k) => k + form[k as keyof typeof form])
				.join('');
		expect(createHmac('sha1', token).update(payload).digest('base64')).toBe(signature);
	});
	it('is what the signer produces', () => {
		expect(signRequest('twilio', token, { body, url })['x-twilio-signature']).toBe(signature);
	});
	it('verifies from the raw form body and from parsed parameters', () => {
		const options = { secrets: { current: token } };
		expect(
			verifySignature(
				'twilio',
				request({ 'X-Twilio-Signature': signature }, body, { url }),
				options,
			).ok,
		).toBe(true);
		expect(
			verifySignature(
				'twilio',
				request({ 'X-Twilio-Signature': signature }, body, { url, form }),
				options,
			).ok,
		).toBe(true);
	});
	it('verifies when the URL arrives with the default port spelled out', () => {
		const withPort = 'https://mycompany.com:443/myapp.php?foo=1&bar=2';
		expect(
			verifySignature(
				'twilio',
				request({ 'X-Twilio-Signature': signature }, body, { url: withPort }),
				{ secrets: { current: token } },
			).ok,
		).toBe(true);
	});
});

describe('Stripe (stripe-dotnet EventUtilityTest fixture event_test_signature.json)', () => {
	const secret = 'webhook_secret';
	const ts = 1533204620;
	const body = `{
  "id": "evt_123",
  "object": "event",
  "account": "acct_123",
  "api_version": "2017-05-25",
  "created": 1533204620,
  "data": {
    "object": {
      "id": "cus_123",
      "object": "customer",
      "created": 123456789,
      "email": "test@stripe.com",
      "livemode": false,
      "metadata": {}
    }
  },
  "livemode": false,
  "pending_webhooks": 1,
  "request": {
    "id": "req_123",
    "idempotency_key": "idempotency-key-123"
  },
  "type": "customer.created"
}
`;
	const header = `t=${ts},v1=2220f87ef101a04665f11cdf770523143f875572008577fa0f20882ddb9cc3c7,v0=63f3a72374a733066c4be69ed7f8e5ac85c22c9f0a6a612ab9a025a9e4ee7eef`;

	it('reproduces with node:crypto', () => {
		expect(createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')).toBe(
			'2220f87ef101a04665f11cdf770523143f875572008577fa0f20882ddb9cc3c7',
		);
	});
	it('verifies 100 s later (as the SDK test does) and is what the signer produces', () => {
		expect(
			verifySignature('stripe', request({ 'Stripe-Signature': header }, body), {
				secrets: { current: secret },
				now: () => (ts + 100) * 1000,
			}),
		).toMatchObject({ ok: true, timestamp: ts });
		expect(signRequest('stripe', secret, { body, timestamp: ts })['stripe-signature']).toBe(
			`t=${ts},v1=2220f87ef101a04665f11cdf770523143f875572008577fa0f20882ddb9cc3c7`,
		);
	});
	it('refuses it 400 s later, as the SDK does', () => {
		expect(
			verifySignature('stripe', request({ 'Stripe-Signature': header }, body), {
				secrets: { current: secret },
				now: () => (ts + 400) * 1000,
			}),
		).toEqual({
			ok: false,
			status: 401,
			reason: 'timestamp outside tolerance (300 s)',
		});
	});
});

describe("Shopify (no published vector: the GitHub vector's digest, base64 instead of hex)", () => {
	const secret = "It's a Secret to Everybody";
	const body = 'Hello, World!';
	const signature = Buffer.from(
		'757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
		'hex',
	).toString('base64');

	it('verifies and is what the signer produces', () => {
		expect(signRequest('shopify', secret, { body })['x-shopify-hmac-sha256']).toBe(signature);
		expect(
			verifySignature(
				'shopify',
				request({ 'X-Shopify-Hmac-Sha256': signature, 'X-Shopify-Webhook-Id': 'w-1' }, body),
				{ secrets: { current: secret } },
			),
		).toMatchObject({ ok: true, eventId: 'w-1' });
	});
});
