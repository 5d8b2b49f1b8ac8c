// The Clay push node run by n8n's engine against the sandbox's Clay: rows land in the table with the
// source's token, per-row failures go to the Failed output, 429s are retried until nothing is lost, the
// pace stays under Clay's intake limit, and the 50,000-submission cap is counted across executions.
import type { IDataObject } from 'n8n-workflow';
import { ClayApi } from '../../../credentials/ClayApi.credentials';
import { Clay } from '../../../nodes/Clay/Clay.node';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { executeNode, MemoryDedupeStore, type NodeRunResult } from '../helpers/executeNode';
import { admin, requestLog } from '../helpers/hubspotSandbox';

const TOKEN = 's3cret-token';
let sb: Sandbox;
let url: string;

beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
});
afterAll(async () => await sb.close());
beforeEach(async () => {
	await admin(sb, 'POST', '/reset');
	await admin(sb, 'PUT', '/clay/limits', { rowsPerSecond: 100_000 });
	url = String(
		(await admin(sb, 'POST', '/clay/sources', { id: 'leads', tableId: 'leads', authToken: TOKEN }))
			.url,
	);
});

const rows = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ domain: `co${i}.com`, score: i, secret: 'x' }));
const tableRows = async () =>
	((await admin(sb, 'GET', '/clay/tables/leads')).rows as Array<{ cells: IDataObject }>).map(
		(r) => r.cells,
	);

async function push(
	items: IDataObject[],
	parameters: IDataObject = {},
	extra: { token?: string; store?: MemoryDedupeStore } = {},
): Promise<NodeRunResult> {
	return await executeNode({
		node: new Clay(),
		parameters: { webhookUrl: url, rowsPerSecond: 1000, ...parameters },
		items,
		credentials: [{ type: new ClayApi(), data: { webhookAuthToken: extra.token ?? TOKEN } }],
		dedupeStore: extra.store,
	});
}

describe('Clay node', () => {
	test('pushes each item as one row with the source token; only the chosen fields become columns', async () => {
		const run = await push(rows(3), { fields: 'domain, score' });
		expect(run.error).toBeUndefined();
		expect(run.outputs[0]).toEqual(rows(3).map((json, i) => ({ json, pairedItem: { item: i } })));
		expect(run.outputs[1]).toEqual([]);
		expect(await tableRows()).toEqual(rows(3).map(({ domain, score }) => ({ domain, score })));
	});

	test('a wrong token fails the node with Clay’s reason and what to check; nothing is sent', async () => {
		const run = await push(rows(2), {}, { token: 'wrong' });
		expect(run.outputs).toEqual([]);
		expect(run.error).toMatchObject({
			message: 'Clay answered HTTP 401: Unauthorized',
			httpCode: '401',
			description: expect.stringContaining('auth token'),
		});
		expect(await tableRows()).toEqual([]);
	});

	test('with On Error → Continue (using error output) a wrong token sends each row to n8n’s error output', async () => {
		const run = await executeNode({
			node: new Clay(),
			parameters: { webhookUrl: url, rowsPerSecond: 1000 },
			items: rows(2),
			onError: 'continueErrorOutput',
			credentials: [{ type: new ClayApi(), data: { webhookAuthToken: 'wrong' } }],
		});
		expect(run.error).toBeUndefined();
		expect(run.outputs[0]).toEqual([]);
		expect(run.outputs[1]).toEqual([]);
		expect(run.outputs[2].map((i) => [i.pairedItem, i.json.domain, i.json.error])).toEqual([
			[{ item: 0 }, rows(2)[0].domain, 'Clay answered HTTP 401: Unauthorized'],
			[{ item: 1 }, rows(2)[1].domain, 'Clay answered HTTP 401: Unauthorized'],
		]);
	});

	test('a row Clay refuses (over 100 KB) goes to Rejected with the reason; the others are sent', async () => {
		const [first, second] = rows(2);
		const run = await push([first, { ...first, notes: 'x'.repeat(120_000) }, second]);
		expect(run.error).toBeUndefined();
		expect(run.outputs[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(run.outputs[1].map((i) => [i.pairedItem, i.json.status, i.json.error])).toEqual([
			[{ item: 1 }, 413, expect.stringContaining('Row too large')],
		]);
		expect(await tableRows()).toHaveLength(2);
	});

	test('injected 429s and 503s are retried: every row lands exactly once', async () => {
		await admin(sb, 'PUT', '/faults', {
			rateLimit429: 0.2,
			serviceUnavailable503: 0.1,
			systems: ['clay'],
			seed: 7,
		});
		const run = await push(rows(12), { options: { maxAttempts: 10 } });
		const faults = (await requestLog(sb, 'system=clay')).filter((r) => r.fault);
		expect(faults.length).toBeGreaterThan(0);
		expect(run.outputs[1]).toEqual([]);
		expect(run.outputs[0]).toHaveLength(12);
		expect((await tableRows()).map((r) => r.domain).sort()).toEqual(
			rows(12)
				.map((r) => r.domain)
				.sort(),
		);
	}, 60000);

	test('paced at Clay’s own limit, the push never earns a rate-limit 429', async () => {
		await admin(sb, 'PUT', '/clay/limits', { rowsPerSecond: 10 });
		const run = await push(rows(25), { rowsPerSecond: 10 });
		expect(run.outputs[0]).toHaveLength(25);
		const log = await requestLog(sb, 'system=clay');
		expect(log.filter((r) => r.status === 429)).toEqual([]);
		expect(log).toHaveLength(25);
	}, 30000);

	test('the submission cap is counted across executions: warn at 90 %, then stop with a clear error', async () => {
		const store = new MemoryDedupeStore();
		const options = { options: { cap: 10 } };
		const first = await push(rows(8), options, { store });
		expect(first.outputs[0]).toHaveLength(8);
		expect(first.run.data.resultData.runData.Clay[0].hints ?? []).toEqual([]);

		const second = await push(rows(4), options, { store });
		expect(second.outputs[0]).toHaveLength(2);
		expect(second.outputs[1].map((i) => [i.pairedItem, i.json.error])).toEqual([
			[
				{ item: 2 },
				expect.stringMatching(/reached its cap of 10 submissions: 2 row\(s\) not sent/),
			],
			[{ item: 3 }, expect.stringMatching(/reached its cap of 10 submissions/)],
		]);
		expect(JSON.stringify(second.run.data.resultData.runData.Clay[0].hints)).toMatch(
			/10 of 10 submissions \(100 %\)/,
		);

		const third = await push(rows(1), options, { store });
		expect(third.error?.message).toMatch(/reached its cap of 10 submissions: 1 row\(s\) not sent/);
		expect(await tableRows()).toHaveLength(10);

		const reset = await push(rows(1), { options: { cap: 10, resetCount: true } }, { store });
		expect(reset.outputs[0]).toHaveLength(1);
	});

	test('rejects a webhook URL that is not http(s)', async () => {
		const run = await executeNode({
			node: new Clay(),
			parameters: { webhookUrl: 'leads' },
			items: rows(1),
			credentials: [{ type: new ClayApi(), data: {} }],
		});
		expect(run.error?.message).toBe('Webhook URL must be the http(s) URL of a Clay webhook source');
	});
});
