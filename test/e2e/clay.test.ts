// Clay and n8n in both directions, in a real n8n with the sandbox playing Clay. The sandbox's HTTP API
// column calls the published Clay Trigger for each of 1,000 table rows: valid rows are scored and the score
// lands back in the table, invalid rows get a 422 with reasons and start no execution. A slow workflow
// answers Clay with a timeout body within its budget. The Clay node pushes 1,000 rows through injected
// 429s without losing one, and a paced push never earns a rate-limit 429.
import { startN8n, type N8nInstance } from '../../dev/harness';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import {
	CLAY_TOKEN,
	credentials,
	ENRICH_PATH,
	executions,
	PUSH_PATH,
	settledExecutions,
	SHARED_SECRET,
	SLOW_PATH,
	waitForTriggers,
	workflows,
} from './helpers/clayWorkflows';

type Row = { id: string; cells: Record<string, any>; http?: { status: number } };

const ROWS = 1000;
/** Every tenth row is invalid, in one of three ways. */
function accountRow(i: number): Record<string, unknown> {
	if (i % 10 === 0) {
		const bad = [
			{ Domain: 'not a domain', Intent: 50 },
			{ Domain: '', Intent: 50 },
			{ Domain: `bad${i}.com`, Intent: 'high' },
		];
		return { Name: `Bad ${i}`, ...bad[(i / 10) % 3], Fit: 10 };
	}
	return {
		Name: `Co ${i}`,
		Domain: `co${i}.com`,
		Intent: String(i % 100),
		Fit: i % 7 === 0 ? 'N/A' : i % 90,
	};
}

describe('Clay in a real n8n', () => {
	let n8n: N8nInstance;
	let sb: Sandbox;

	const admin = async (method: string, path: string, body?: unknown): Promise<any> => {
		const response = await fetch(`${sb.adminUrl}${path}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!response.ok)
			throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
		const text = await response.text();
		return text ? JSON.parse(text) : undefined;
	};
	const tableRows = async (table: string): Promise<Row[]> =>
		(await admin('GET', `/clay/tables/${table}`)).rows;
	const push = async (table: string, rows: unknown[], rowsPerSecond: number) => {
		const source = await admin('POST', '/clay/sources', {
			id: table,
			tableId: table,
			authToken: CLAY_TOKEN,
		});
		const response = await fetch(n8n.webhookUrl(PUSH_PATH), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ url: source.url, rowsPerSecond, rows }),
		});
		return response.status;
	};

	beforeAll(async () => {
		sb = await startSandbox({ port: 0 });
		n8n = await startN8n({ credentials, workflows });
		await waitForTriggers(n8n, [ENRICH_PATH, SLOW_PATH]);
		// Throttling is not what the enrichment and the 429 tests are about.
		await admin('PUT', '/clay/limits', { rowsPerSecond: 100_000 });
	}, 300000);

	afterAll(async () => {
		await n8n?.stop();
		await sb?.close();
	}, 60000);

	test('a wrong secret is refused with 401 and starts nothing', async () => {
		const before = (await executions(n8n, n8n.workflowIds['Clay: enrichment endpoint'])).length;
		const response = await fetch(n8n.webhookUrl(ENRICH_PATH), {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-clay-webhook-secret': 'guess' },
			body: JSON.stringify({ domain: 'acme.com', intent: 1 }),
		});
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ error: 'signature mismatch' });
		await new Promise((r) => setTimeout(r, 1000));
		expect((await executions(n8n, n8n.workflowIds['Clay: enrichment endpoint'])).length).toBe(
			before,
		);
	});

	test('the HTTP API column over 1,000 rows: valid rows are scored into the table, invalid ones get 422 with reasons and no execution', async () => {
		await admin('POST', '/clay/tables/accounts/rows', {
			rows: Array.from({ length: ROWS }, (_, i) => accountRow(i)),
		});
		const run = await admin('POST', '/clay/tables/accounts/run-http-column', {
			url: n8n.webhookUrl(ENRICH_PATH),
			headers: { 'x-clay-webhook-secret': SHARED_SECRET },
			body: { domain: '{{Domain}}', intent: '{{Intent}}', fit: '{{Fit}}' },
			outputColumn: 'Enrichment',
			fields: { Score: 'signal_score', Tier: 'signal_tier' },
			concurrency: 12,
			timeoutMs: 60000,
		});
		expect(run).toMatchObject({ total: ROWS, succeeded: 900, failed: 100 });

		const rows = await tableRows('accounts');
		rows.forEach((row, i) => {
			if (i % 10 === 0) {
				expect(row.http?.status).toBe(422);
				expect(row.cells.Score).toBeUndefined();
				return;
			}
			const intent = i % 100;
			const fit = i % 7 === 0 ? undefined : i % 90;
			expect(row.http?.status).toBe(200);
			expect(row.cells.Score).toBeCloseTo(fit === undefined ? intent : 0.4 * intent + 0.6 * fit, 1);
			expect(row.cells.Enrichment).toMatchObject({
				domain: `co${i}.com`,
				intent,
				signal_score: row.cells.Score,
				signal_tier: row.cells.Tier,
			});
		});
		expect(rows[0].cells.Enrichment).toEqual({
			error: 'invalid row: domain expected a domain such as acme.com (no scheme or path)',
			fields: [
				{ field: 'domain', reason: 'expected a domain such as acme.com (no scheme or path)' },
			],
		});
		expect(rows[10].cells.Enrichment.fields).toEqual([{ field: 'domain', reason: 'required' }]);
		expect(rows[20].cells.Enrichment.fields).toEqual([
			{ field: 'intent', reason: 'expected a number' },
		]);

		// One execution per valid row, all successful: the 100 invalid rows started none.
		const runs = await settledExecutions(
			n8n,
			n8n.workflowIds['Clay: enrichment endpoint'],
			900,
			60000,
		);
		expect(runs).toHaveLength(900);
		expect(runs.every((e) => e.status === 'success')).toBe(true);
		// 900 real executions: minutes on a busy two-core machine.
	}, 600000);

	test('a workflow slower than the budget answers Clay with a timeout body; the execution still completes', async () => {
		const started = Date.now();
		const response = await fetch(n8n.webhookUrl(SLOW_PATH), {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-clay-webhook-secret': SHARED_SECRET },
			body: JSON.stringify({ domain: 'acme.com', intent: 1 }),
		});
		const elapsed = Date.now() - started;
		expect(response.status).toBe(504);
		expect(await response.json()).toMatchObject({ error: 'enrichment timed out after 1 s' });
		expect(elapsed).toBeLessThan(3000);
		const runs = await settledExecutions(n8n, n8n.workflowIds['Clay: slow enrichment'], 1);
		expect(runs.map((e) => e.status)).toEqual(['success']);
		// n8n's own late answer was dropped quietly instead of failing on a response already sent.
		expect(n8n.log()).not.toMatch(/ERR_HTTP_HEADERS_SENT|Cannot set headers after they are sent/);
	}, 30000);

	test('pushing 1,000 rows through injected 429s loses none and duplicates none', async () => {
		await admin('PUT', '/faults', { rateLimit429: 0.01, systems: ['clay'], seed: 11 });
		const rows = Array.from({ length: ROWS }, (_, i) => ({ domain: `push${i}.com`, n: i }));
		expect(await push('pushed', rows, 1000)).toBe(200);
		await admin('DELETE', '/faults');

		const log = (await admin('GET', '/requests?system=clay&limit=100000')).results as Array<{
			status: number;
			fault?: string;
		}>;
		expect(log.filter((r) => r.status === 429).length).toBeGreaterThan(0);
		const stored = (await tableRows('pushed'))
			.map((r) => r.cells.n as number)
			.sort((a, b) => a - b);
		expect(stored).toEqual(rows.map((r) => r.n));
	}, 180000);

	test('paced at Clay’s intake limit, a push never earns a rate-limit 429', async () => {
		await admin('DELETE', '/requests');
		await admin('PUT', '/clay/limits', { rowsPerSecond: 10 });
		// The limiter's window still holds the previous push's arrivals: move the sandbox clock past it.
		await admin('POST', '/clock/advance', { ms: 2000 });
		const rows = Array.from({ length: 30 }, (_, i) => ({ domain: `paced${i}.com`, n: i }));
		expect(await push('paced', rows, 10)).toBe(200);

		const log = (await admin('GET', '/requests?system=clay&limit=1000')).results as Array<{
			at: string;
			status: number;
		}>;
		expect(log.filter((r) => r.status === 429)).toEqual([]);
		expect(log).toHaveLength(30);
		expect(await tableRows('paced')).toHaveLength(30);
		// Measured from the sandbox's log: never more than 10 arrivals inside one second.
		const times = log.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
		const busiest = Math.max(
			...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length),
		);
		expect(busiest).toBeLessThanOrEqual(10);
	}, 60000);
});
