import { call, useSandbox } from './helpers/client';

const t = useSandbox({ hubspotLimits: false });

const list = () => t.hs('GET', '/crm/v3/objects/companies');

describe('fault knobs', () => {
	it('are off by default', async () => {
		expect((await t.admin('GET', '/faults')).body).toMatchObject({
			rateLimit429: 0,
			serverError500: 0,
			connectionReset: 0,
			batchPartialFailure: 0,
		});
		for (let i = 0; i < 20; i++) expect((await list()).status).toBe(200);
	});

	it('inject a HubSpot-shaped 429 and a JSON 500', async () => {
		await t.admin('PUT', '/faults', { rateLimit429: 1 });
		const limited = await list();
		expect(limited.status).toBe(429);
		expect(limited.body).toMatchObject({
			status: 'error',
			policyName: 'TEN_SECONDLY_ROLLING',
			correlationId: expect.any(String),
		});
		await t.admin('PUT', '/faults', { rateLimit429: 0, serverError500: 1 });
		const failed = await list();
		expect(failed.status).toBe(500);
		expect(failed.body).toMatchObject({ status: 'error', category: 'INTERNAL_ERROR' });
	});

	it('inject gateway errors as HTML pages, like HubSpot’s edge', async () => {
		await t.admin('PUT', '/faults', { badGateway502: 1 });
		const res = await list();
		expect(res.status).toBe(502);
		expect(res.headers.get('content-type')).toContain('text/html');
		await t.admin('PUT', '/faults', { badGateway502: 0, serviceUnavailable503: 1 });
		expect((await list()).status).toBe(503);
	});

	it('reset connections so the client sees a network error', async () => {
		await t.admin('PUT', '/faults', { connectionReset: 1 });
		await expect(list()).rejects.toThrow();
		const log = await t.admin('GET', '/requests?system=hubspot');
		expect(log.body.results.at(-1)).toMatchObject({ status: 0, fault: 'connection reset' });
	});

	it('slow responses down and say so in the request log', async () => {
		await t.admin('PUT', '/faults', { slow: { probability: 1, minMs: 5, maxMs: 10 } });
		expect((await list()).status).toBe(200);
		const entry = (await t.admin('GET', '/requests?system=hubspot')).body.results.at(-1);
		expect(entry.fault).toMatch(/^slow \d+ms$/);
	});

	it('apply only to the systems and paths selected', async () => {
		await t.admin('PUT', '/faults', { serverError500: 1, systems: ['slack'] });
		expect((await list()).status).toBe(200);
		await t.admin('PUT', '/faults', { systems: ['hubspot'], pathPattern: '/search$' });
		expect((await list()).status).toBe(200);
		expect((await t.hs('POST', '/crm/v3/objects/companies/search', {})).status).toBe(500);
	});

	it('make batch calls answer 207 with some inputs not applied', async () => {
		await t.admin('PUT', '/faults', {
			batchPartialFailure: 1,
			batchPartialFailureShare: 0.5,
			seed: 7,
		});
		const res = await t.hs('POST', '/crm/v3/objects/companies/batch/create', {
			inputs: Array.from({ length: 10 }, (_, i) => ({
				properties: { name: `N${i}` },
				objectWriteTraceId: `t${i}`,
			})),
		});
		expect(res.status).toBe(207);
		expect(res.body.numErrors).toBe(res.body.errors.length);
		expect(res.body.results.length + res.body.errors.length).toBe(10);
		expect(res.body.errors.length).toBeGreaterThan(0);
		const failedTraces = res.body.errors.map(
			(e: { context: { objectWriteTraceId: string[] } }) => e.context.objectWriteTraceId[0],
		);
		const okTraces = res.body.results.map(
			(r: { objectWriteTraceId: string }) => r.objectWriteTraceId,
		);
		expect([...failedTraces, ...okTraces].sort()).toEqual(
			Array.from({ length: 10 }, (_, i) => `t${i}`).sort(),
		);
		await t.admin('DELETE', '/faults');
		const stored = await t.hs('GET', '/crm/v3/objects/companies?limit=100');
		expect(stored.body.results).toHaveLength(res.body.results.length);
	});

	it('repeat the same outcomes for the same seed', async () => {
		const outcomes = async () => {
			await t.admin('PUT', '/faults', { serverError500: 0.5, seed: 42 });
			const statuses: number[] = [];
			for (let i = 0; i < 20; i++) statuses.push((await list()).status);
			return statuses;
		};
		const first = await outcomes();
		expect(first).toContain(500);
		expect(first).toContain(200);
		expect(await outcomes()).toEqual(first);
	});

	it('refuse probabilities outside 0..1', async () => {
		const res = await t.admin('PUT', '/faults', { rateLimit429: 2 });
		expect(res.status).toBe(400);
		expect(res.body.error).toMatch(/probability/);
	});

	it('never touch the admin API', async () => {
		await t.admin('PUT', '/faults', { serverError500: 1 });
		expect((await call(`${t.sb.adminUrl}/health`, 'GET')).status).toBe(200);
	});
});

describe('request log', () => {
	it('records method, path, status, duration and token for assertions', async () => {
		await t.admin('DELETE', '/requests');
		await list();
		await t.hs('GET', '/crm/v3/objects/companies/1', undefined, {
			authorization: 'Bearer pat-other',
		});
		const res = await t.admin('GET', '/requests?system=hubspot');
		expect(res.body.results).toEqual([
			expect.objectContaining({
				method: 'GET',
				path: '/hubspot/crm/v3/objects/companies',
				status: 200,
				token: 'pat-sandbox',
				durationMs: expect.any(Number),
			}),
			expect.objectContaining({
				method: 'GET',
				path: '/hubspot/crm/v3/objects/companies/1',
				status: 401,
				token: 'pat-other',
			}),
		]);
		expect((await t.admin('GET', '/requests?status=401')).body.results).toHaveLength(1);
	});
});

describe('fault knob validation', () => {
	const t = useSandbox();
	it('refuses unknown knobs and systems', async () => {
		expect((await t.admin('PUT', '/faults', { rate429: 1 })).body.error).toMatch(
			/Unknown fault knob/,
		);
		expect((await t.admin('PUT', '/faults', { systems: ['salesforce'] })).status).toBe(400);
	});
});
