// The Signed Webhook trigger inside a real n8n: a genuine request for every scheme starts one execution;
// forged, tampered, stale, future, replayed, unsigned, malformed and oversized requests get their status and
// start none (counted through n8n's public API); a replay is still refused after n8n restarts.
import { startN8n, type N8nInstance } from '../../dev/harness';
import { SCHEME_NAMES, type SchemeName } from '../../nodes/shared/signatures';
import {
	BODY_LIMIT,
	CREDENTIAL,
	CURRENT_SECRET,
	genuine,
	PREVIOUS_SECRET,
	send,
	settledExecutionCount,
	verifyWorkflow,
	waitForWebhooks,
	workflows,
	type SignedCall,
} from './helpers/signedWebhooks';

const TIMESTAMPED: SchemeName[] = ['standardWebhooks', 'stripe', 'slack', 'hubspotV3', 'custom'];
const now = () => Math.floor(Date.now() / 1000);

// Each test is one or a few real HTTP round trips through n8n; in queue mode the first job a worker
// picks up (cold start) can take several seconds, well past jest's 5 s default.
jest.setTimeout(60000);

describe('Signed Webhook in a real n8n', () => {
	let n8n: N8nInstance;
	const accepted = new Map<SchemeName, SignedCall>();
	const expectedExecutions = new Map<string, number>();
	const id = (name: string) => n8n.workflowIds[name];
	const expectRun = (name: string) =>
		expectedExecutions.set(name, (expectedExecutions.get(name) ?? 0) + 1);

	beforeAll(async () => {
		n8n = await startN8n({ credentials: [CREDENTIAL], workflows: [...workflows, verifyWorkflow] });
		await waitForWebhooks(n8n);
		// The unsigned probe that found the audit webhook registered was refused, and recorded for audit.
		expectRun('Signed: audit');
	}, 300000);

	afterAll(async () => {
		await n8n?.stop();
	}, 60000);

	test.each([...SCHEME_NAMES])(
		'a genuine %s request is accepted with its verified metadata',
		async (scheme) => {
			const call = genuine(n8n, scheme);
			const response = await send(call);
			expect(response.status).toBe(200);
			expect(response.body.signature).toMatchObject({ verified: true, scheme, keyUsed: 'current' });
			if (TIMESTAMPED.includes(scheme))
				expect(Math.abs(response.body.signature.timestamp - now())).toBeLessThan(60);
			expect(response.body.query.source).toBe('e2e');
			if (scheme !== 'twilio') expect(response.body.body.amount).toBe(42);
			else expect(response.body.body.From).toBe('+15550100');
			accepted.set(scheme, call);
			expectRun(`Signed: ${scheme}`);
		},
	);

	test('Clay’s header carries the secret itself: it is redacted before it reaches execution data', async () => {
		expect(await settledExecutionCount(n8n, id('Signed: clay'), 1)).toBe(1);
		const [run] = (
			await n8n.api<{ data: Array<{ id: string }> }>(
				'GET',
				`/executions?workflowId=${id('Signed: clay')}`,
			)
		).data;
		const saved = JSON.stringify(await n8n.api('GET', `/executions/${run.id}?includeData=true`));
		expect(saved).toContain('[redacted]');
		expect(saved).not.toContain(CURRENT_SECRET);
	});

	test('a request signed with the previous secret is accepted during a rotation', async () => {
		const response = await send(genuine(n8n, 'github', { secret: PREVIOUS_SECRET }));
		expect(response.status).toBe(200);
		expect(response.body.signature).toMatchObject({ verified: true, keyUsed: 'previous' });
		expectRun('Signed: github');
	});

	test.each([...SCHEME_NAMES])('a replayed %s request is refused with 409', async (scheme) => {
		const response = await send(accepted.get(scheme)!);
		expect(response).toEqual({
			status: 409,
			body: { error: 'replayed request: already received within the replay window' },
		});
	});

	test.each([...SCHEME_NAMES])(
		'a %s request signed with another secret is refused with 401',
		async (scheme) => {
			const response = await send(
				genuine(n8n, scheme, { secret: 'whsec_Zm9yZ2VkLWJ5LWFuLWF0dGFja2VyLWZvcmdlZA==' }),
			);
			expect(response.status).toBe(401);
			expect(JSON.stringify(response.body)).not.toContain('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
		},
	);

	// Clay does not sign the body (the header is a shared secret), so a changed body cannot be detected there.
	test.each(SCHEME_NAMES.filter((s) => s !== 'clay'))(
		'a tampered %s body is refused with 401',
		async (scheme) => {
			const call = genuine(n8n, scheme);
			const response = await send({
				...call,
				body: call.body.replace('42', '4200').replace('15550100', '15550666'),
			});
			expect(response).toEqual({ status: 401, body: { error: 'signature mismatch' } });
		},
	);

	test.each([...SCHEME_NAMES])('an unsigned %s request is refused with 401', async (scheme) => {
		const call = genuine(n8n, scheme);
		const response = await send({
			...call,
			headers: { 'content-type': call.headers['content-type'] },
		});
		// Schemes whose id or timestamp header is read first report that header missing (400).
		expect([400, 401]).toContain(response.status);
		expect(response.body.error).toMatch(/^missing header /);
	});

	test.each(TIMESTAMPED)('stale and future %s requests are refused with 401', async (scheme) => {
		for (const at of [now() - 600, now() + 600]) {
			const response = await send(genuine(n8n, scheme, { at }));
			expect(response).toEqual({
				status: 401,
				body: { error: 'timestamp outside tolerance (300 s)' },
			});
		}
	});

	test('an oversized body is refused with 413 before it is verified', async () => {
		const body = JSON.stringify({ amount: 42, padding: 'x'.repeat(BODY_LIMIT) });
		const response = await send(genuine(n8n, 'stripe', { body }));
		expect(response).toEqual({ status: 413, body: { error: `body exceeds ${BODY_LIMIT} bytes` } });
	});

	test('a malformed signature header is refused with 400 and a reason', async () => {
		const call = genuine(n8n, 'stripe');
		const response = await send({
			...call,
			headers: { ...call.headers, 'stripe-signature': 'garbage' },
		});
		expect(response).toEqual({ status: 400, body: { error: 'bad entry in stripe-signature' } });
		const bad = await send({
			...genuine(n8n, 'github'),
			headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=zz' },
		});
		expect(bad).toEqual({ status: 400, body: { error: 'bad hex in x-hub-signature-256' } });
	});

	test('a body that is not JSON under a JSON content type is refused by n8n’s parser (422) before the node', async () => {
		const response = await send(genuine(n8n, 'stripe', { body: '{"amount": 42' }));
		expect(response.status).toBe(422);
	});

	test('immediate mode answers with the configured status and body', async () => {
		const response = await send(genuine(n8n, 'slack', { path: 'signed-immediate' }));
		expect(response).toEqual({ status: 202, body: { queued: true } });
		expectRun('Signed: immediate');
	});

	let respondCall: SignedCall;
	test('Respond to Webhook answers a verified request, and its replay is refused', async () => {
		respondCall = genuine(n8n, 'shopify', { path: 'signed-respond' });
		const response = await send(respondCall);
		expect(response).toEqual({
			status: 200,
			body: `verified ${respondCall.headers['x-shopify-webhook-id']}`,
		});
		expectRun('Signed: respond node');
		expect((await send(respondCall)).status).toBe(409);
	});

	test('with the Rejected output on, a refused request still gets 401 and is recorded for audit', async () => {
		const call = genuine(n8n, 'github', { path: 'signed-audit' });
		const response = await send({ ...call, body: call.body.replace('42', '43') });
		expect(response.status).toBe(401);
		expectRun('Signed: audit');
	});

	let rawBodyCall: SignedCall;
	test('Webhook (raw body) → Verify Signature: verified, refused and replayed requests each get their answer', async () => {
		rawBodyCall = genuine(n8n, 'github', { path: 'verify-raw' });
		const accepted = await send(rawBodyCall);
		expect(accepted).toEqual({
			status: 200,
			body: {
				verified: true,
				scheme: 'github',
				keyUsed: 'current',
				eventId: rawBodyCall.headers['x-github-delivery'],
			},
		});
		expect(await send({ ...rawBodyCall, body: rawBodyCall.body.replace('42', '43') })).toEqual({
			status: 401,
			body: { verified: false, scheme: 'github', status: 401, reason: 'signature mismatch' },
		});
		expect((await send(rawBodyCall)).status).toBe(409);
	});

	test('refused requests left no executions: each workflow has exactly its accepted runs', async () => {
		await new Promise((r) => setTimeout(r, 2000));
		for (const wf of workflows) {
			const expected = expectedExecutions.get(wf.name) ?? 0;
			expect({
				workflow: wf.name,
				executions: await settledExecutionCount(n8n, id(wf.name), expected),
			}).toEqual({
				workflow: wf.name,
				executions: expected,
			});
		}
	}, 60000);

	test('after a restart of n8n, a replay is still refused and new requests are accepted', async () => {
		const userFolder = n8n.userFolder;
		await n8n.stop({ keep: true });
		n8n = await startN8n({ userFolder });
		await waitForWebhooks(n8n);
		// The webhook URL moved to a new port; schemes that do not sign the URL replay as they were.
		const moved = (call: SignedCall) => {
			const path = new URL(call.url).pathname;
			// (The webhook processor's origin in queue mode, n8n's own otherwise.)
			return {
				...call,
				url: `${new URL(n8n.webhookUrl('')).origin}${path}${call.url.slice(call.url.indexOf('?'))}`,
			};
		};
		for (const scheme of ['stripe', 'github', 'standardWebhooks', 'clay'] as SchemeName[]) {
			expect({ scheme, status: (await send(moved(accepted.get(scheme)!))).status }).toEqual({
				scheme,
				status: 409,
			});
		}
		// Respond-to-Webhook mode keeps a new key in memory until the refused replay above wrote it.
		expect((await send(moved(respondCall))).status).toBe(409);
		// Verify Signature's keys are in n8n's processed-data table.
		expect((await send(moved(rawBodyCall))).status).toBe(409);
		expect((await send(genuine(n8n, 'stripe'))).status).toBe(200);
	}, 300000);
});
