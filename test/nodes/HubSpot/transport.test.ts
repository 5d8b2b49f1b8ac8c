// How the node's transport treats HubSpot's limits and failures, seen from the outside: calls the
// sandbox logged, and where each item ended up.
import type { INodeParameters } from 'n8n-workflow';
import { clayRows } from '../../fixtures/clayRows';
import {
	admin,
	FAST,
	pairedIndexes,
	records,
	requestLog,
	mapped,
	runHubSpot,
	useHubSpotSandbox,
} from '../helpers/hubspotSandbox';

// One test waits out a real 10-second window; this cap is for a hung run, not a speed target.
jest.setTimeout(60_000);

const t = useHubSpotSandbox();

const seedCompanies = async (count: number) =>
	await admin(t.sb, 'POST', '/seed', {
		hubspot: {
			records: {
				companies: Array.from({ length: count }, (_, i) => ({
					name: `C${i}`,
					domain: `c${i}.com`,
				})),
			},
		},
	});

const companyUpsert = (options: INodeParameters): INodeParameters => ({
	resource: 'company',
	operation: 'upsert',
	propertiesMode: 'define',
	propertyMapping: mapped({ name: '={{ $json.company_name }}' }),
	options: { ...FAST, ...options },
});

describe('HubSpot transport', () => {
	test('stays under the search limit (5/s, no headers) with the default setting: no 429', async () => {
		await admin(t.sb, 'PUT', '/hubspot/limits', { searchPerSecond: 5 });
		const rows = clayRows({ rows: 1200, companies: 1200, seed: 4 });
		// One IN filter of 100 domains per search (not 5 OR-ed), so there are 12 searches to pace.
		const run = await runHubSpot(
			t.sb,
			companyUpsert({ searchRequestsPerSecond: 5, searchFilterGroups: 1 }),
			rows,
		);
		expect(run.outputs[1]).toEqual([]);
		const log = await requestLog(t.sb);
		expect(log.filter((r) => r.path.endsWith('/search'))).toHaveLength(12);
		expect(log.filter((r) => r.status === 429)).toEqual([]);
	});

	test('the DAILY limit is not retried: the node fails naming the policy and when it resets', async () => {
		await seedCompanies(5);
		const ids = (await records(t.sb, 'companies')).map((c) => ({ id: c.id }));
		await admin(t.sb, 'PUT', '/hubspot/limits', { daily: 3 });
		await admin(t.sb, 'DELETE', '/requests');
		const get: INodeParameters = {
			resource: 'company',
			operation: 'get',
			recordId: '={{ $json.id }}',
			options: { ...FAST, batchSize: 1 },
		};
		const run = await runHubSpot(t.sb, get, ids);
		expect(run.outputs).toEqual([]);
		expect(run.error).toMatchObject({
			message: expect.stringContaining('HubSpot:'),
			description: expect.stringContaining('resets at midnight'),
			httpCode: '429',
		});
		expect(await requestLog(t.sb)).toHaveLength(4);
	});

	test("the DAILY limit with On Error → Continue (using error output): answered items stay on Success, the rest go to n8n's error output", async () => {
		await seedCompanies(5);
		const ids = (await records(t.sb, 'companies')).map((c) => ({ id: c.id }));
		await admin(t.sb, 'PUT', '/hubspot/limits', { daily: 3 });
		const get: INodeParameters = {
			resource: 'company',
			operation: 'get',
			recordId: '={{ $json.id }}',
			options: { ...FAST, batchSize: 1 },
		};
		const continued = await runHubSpot(t.sb, get, ids, { onError: 'continueErrorOutput' });
		expect(pairedIndexes(continued)).toEqual([[0, 1, 2], [], [3, 4]]);
		expect(continued.outputs[2][0].json).toMatchObject({
			id: ids[3].id,
			error: expect.stringMatching(/daily/i),
		});
	});

	test("a wrong token fails the node with HubSpot's message and what to check, unless On Error continues", async () => {
		const rows = clayRows({ rows: 20, companies: 20, seed: 5 });
		const run = await runHubSpot(t.sb, companyUpsert({}), rows, { accessToken: 'pat-wrong' });
		expect(run.outputs).toEqual([]);
		expect(run.error).toMatchObject({
			httpCode: '401',
			description: expect.stringContaining('check the private app token'),
		});
		expect(await records(t.sb, 'companies')).toEqual([]);

		const regular = await runHubSpot(t.sb, companyUpsert({}), rows, {
			accessToken: 'pat-wrong',
			onError: 'continueRegularOutput',
		});
		expect(regular.error).toBeUndefined();
		expect(regular.outputs[0]).toHaveLength(20);
		expect(regular.outputs[0][0].json).toMatchObject({
			domain: rows[0].domain,
			error: expect.any(String),
		});
		expect(regular.outputs[1]).toEqual([]);
	});

	test('circuit breaker: after N consecutive failures it stops calling and fails the node at once', async () => {
		await admin(t.sb, 'PUT', '/faults', { serverError500: 1, systems: ['hubspot'] });
		const rows = clayRows({ rows: 300, companies: 300, seed: 1 });
		const breaker = companyUpsert({ circuitBreakerThreshold: 3, maxAttempts: 6 });
		const run = await runHubSpot(t.sb, breaker, rows);
		expect(run.error).toMatchObject({
			description: expect.stringContaining('Circuit Breaker Threshold'),
		});
		expect(await requestLog(t.sb)).toHaveLength(3);

		// Continuing: every item goes to n8n's error output, still with only 3 calls made in all.
		await admin(t.sb, 'DELETE', '/requests');
		const continued = await runHubSpot(t.sb, breaker, rows, { onError: 'continueErrorOutput' });
		expect(continued.outputs[0]).toEqual([]);
		expect(continued.outputs[1]).toEqual([]);
		expect(continued.outputs[2]).toHaveLength(300);
		expect(await requestLog(t.sb)).toHaveLength(3);
	});

	test('5xx, resets and exhausted retries: retried with backoff; with On Error → Continue a call that never succeeds fails only its items', async () => {
		await admin(t.sb, 'PUT', '/faults', {
			serviceUnavailable503: 0.4,
			connectionReset: 0.05,
			systems: ['hubspot'],
			seed: 21,
		});
		const rows = clayRows({ rows: 400, companies: 400, seed: 8 });
		const options = {
			batchSize: 10,
			searchFilterGroups: 1,
			maxAttempts: 2,
			circuitBreakerThreshold: 1000,
		};
		const run = await runHubSpot(t.sb, companyUpsert(options), rows, {
			onError: 'continueErrorOutput',
		});
		const [success, rejected, failed] = pairedIndexes(run);
		expect(rejected).toEqual([]);
		expect([...success, ...failed].sort((a, b) => a - b)).toEqual([...Array(400).keys()]);
		expect(failed.length).toBeGreaterThan(0);
		expect(run.outputs[2][0].json).toMatchObject({
			error: expect.stringContaining('gave up after 2 attempts'),
		});
		expect(await records(t.sb, 'companies')).toHaveLength(success.length);
	});

	test('207 answers: the inputs HubSpot rejected go to Rejected with its category, the rest succeed', async () => {
		await admin(t.sb, 'PUT', '/faults', {
			batchPartialFailure: 1,
			batchPartialFailureShare: 0.1,
			systems: ['hubspot'],
			pathPattern: '/batch/upsert',
			seed: 2,
		});
		const rows = clayRows({ rows: 200, companies: 50, seed: 3 });
		const run = await runHubSpot(
			t.sb,
			{ resource: 'contact', operation: 'upsert', options: FAST },
			rows,
		);
		const [success, errors] = pairedIndexes(run);
		expect(success.length + errors.length).toBe(200);
		expect(errors.length).toBeGreaterThanOrEqual(2);
		expect(run.outputs[1][0].json).toMatchObject({
			category: 'INTERNAL_ERROR',
			error: expect.stringContaining('injected'),
			input: rows[errors[0]],
		});
		expect(await records(t.sb, 'contacts')).toHaveLength(success.length);
	});
	test("consecutive HubSpot steps share the credential's budget: the second does not start a fresh window", async () => {
		await admin(t.sb, 'PUT', '/hubspot/limits', { tenSecondly: 10 });
		const options = {
			retryBaseDelayMs: 5,
			requestsPerInterval: 10,
			searchRequestsPerSecond: 1000,
			batchSize: 50,
		};
		const rows = clayRows({ rows: 200, companies: 200, seed: 6 });
		const companies = await runHubSpot(
			t.sb,
			companyUpsert({ ...options, includeInputFields: true }),
			rows,
		);
		const contacts = await runHubSpot(
			t.sb,
			{
				resource: 'contact',
				operation: 'upsert',
				associateWithCompany: 'companyId',
				companyId: '={{ $json.hubspot.id }}',
				propertiesMode: 'define',
				options,
			},
			companies.outputs[0].map((item) => item.json),
		);
		expect(contacts.outputs[0]).toHaveLength(200);
		const log = await requestLog(t.sb);
		// One search (200 domains), 4 batch creates, 4 contact upserts, 4 association calls.
		expect(log).toHaveLength(13);
		expect(log.filter((r) => r.status === 429)).toEqual([]);
	});

	// Last: the limit it learns (6 per 10 s) stays with the credential's shared planner for one window.
	test('learns the 10-second limit from the headers and stays under it: no 429', async () => {
		await seedCompanies(1100);
		await admin(t.sb, 'PUT', '/hubspot/limits', { tenSecondly: 6 });
		await admin(t.sb, 'DELETE', '/requests');
		// The node is told 100 per 10 s; HubSpot's X-HubSpot-RateLimit-Max says 6.
		const run = await runHubSpot(
			t.sb,
			{
				resource: 'company',
				operation: 'getAll',
				returnAll: true,
				options: { retryBaseDelayMs: 5 },
			},
			[{}],
		);
		expect(run.outputs[0]).toHaveLength(1100);
		const log = await requestLog(t.sb);
		expect(log).toHaveLength(11);
		expect(log.filter((r) => r.status === 429)).toEqual([]);
	});
});
