import { hubspotApi, useSandbox } from '../helpers/client';

const t = useSandbox();

const listCompanies = (api = t.hs) => api('GET', '/crm/v3/objects/companies?limit=1');
const searchCompanies = (api = t.hs) =>
	api('POST', '/crm/v3/objects/companies/search', { limit: 1 });

describe('HubSpot rate limits', () => {
	it('allows 100 calls per rolling 10 s by default, with the rate-limit headers', async () => {
		const first = await listCompanies();
		expect(first.headers.get('x-hubspot-ratelimit-max')).toBe('100');
		expect(first.headers.get('x-hubspot-ratelimit-remaining')).toBe('99');
		expect(first.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
		expect(first.headers.get('x-hubspot-ratelimit-daily')).toBe('250000');
		expect(first.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('249999');
		for (let i = 1; i < 50; i++) expect((await listCompanies()).status).toBe(200);
		t.sb.tick(5_000);
		for (let i = 0; i < 50; i++) expect((await listCompanies()).status).toBe(200);
		const limited = await listCompanies();
		expect(limited.status).toBe(429);
		expect(limited.body).toMatchObject({
			status: 'error',
			message: 'You have reached your ten_secondly_rolling limit.',
			errorType: 'RATE_LIMIT',
			policyName: 'TEN_SECONDLY_ROLLING',
			correlationId: expect.any(String),
		});
		expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
		t.sb.tick(4_999);
		expect((await listCompanies()).status).toBe(429);
		// Rolling, not fixed: only the first 50 calls have left the window.
		t.sb.tick(1);
		const after = await listCompanies();
		expect(after.status).toBe(200);
		expect(after.headers.get('x-hubspot-ratelimit-remaining')).toBe('49');
	});

	it('keeps counters per token and takes the 190 and 250 tiers', async () => {
		await t.admin('POST', '/hubspot/tokens', {
			token: 'pat-pro',
			limits: { tier: 'professional' },
		});
		await t.admin('POST', '/hubspot/tokens', {
			token: 'pat-pack',
			limits: { tier: 'capacity-pack' },
		});
		expect(
			(await listCompanies(hubspotApi(t.sb, 'pat-pro'))).headers.get('x-hubspot-ratelimit-max'),
		).toBe('190');
		expect(
			(await listCompanies(hubspotApi(t.sb, 'pat-pro'))).headers.get('x-hubspot-ratelimit-daily'),
		).toBe('625000');
		expect(
			(await listCompanies(hubspotApi(t.sb, 'pat-pack'))).headers.get('x-hubspot-ratelimit-max'),
		).toBe('250');
		expect((await listCompanies()).headers.get('x-hubspot-ratelimit-remaining')).toBe('99');
		const set = await t.admin('PUT', '/hubspot/limits', { tenSecondly: 3 });
		expect(set.body.tenSecondly).toBe(3);
		for (let i = 0; i < 2; i++) await listCompanies();
		expect((await listCompanies()).status).toBe(429);
	});

	it('stops at the daily quota with policyName DAILY until the next UTC day', async () => {
		await t.admin('PUT', '/hubspot/limits', { daily: 2 });
		await listCompanies();
		const last = await listCompanies();
		expect(last.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('0');
		const res = await listCompanies();
		expect(res.status).toBe(429);
		expect(res.body.policyName).toBe('DAILY');
		t.sb.tick(86_400_000);
		expect((await listCompanies()).status).toBe(200);
	});

	it('limits search separately to 5 per second, without rate-limit headers', async () => {
		for (let i = 0; i < 5; i++) {
			const ok = await searchCompanies();
			expect(ok.status).toBe(200);
			expect(ok.headers.get('x-hubspot-ratelimit-remaining')).toBeNull();
		}
		const limited = await searchCompanies();
		expect(limited.status).toBe(429);
		expect(limited.body.policyName).toBe('SECONDLY');
		expect((await listCompanies()).status).toBe(200);
		t.sb.tick(1000);
		expect((await searchCompanies()).status).toBe(200);
	});

	it('can be switched off for benchmarks', async () => {
		await t.admin('PUT', '/hubspot/limits', { enabled: false, tenSecondly: 1 });
		for (let i = 0; i < 3; i++) expect((await listCompanies()).status).toBe(200);
	});
});
