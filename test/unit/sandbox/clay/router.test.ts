import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { call, useSandbox } from '../helpers/client';

const t = useSandbox();

const rows = async (tableId: string) => (await t.admin('GET', `/clay/tables/${tableId}`)).body.rows;

describe('Clay webhook sources', () => {
	it('store one row per POSTed JSON object in the source’s table', async () => {
		const source = (await t.admin('POST', '/clay/sources', { tableId: 'leads' })).body;
		expect(source.url).toBe(`${t.sb.clayUrl}/v3/sources/webhook/${source.id}`);
		expect((await call(source.url, 'POST', { domain: 'acme.com', score: 7 })).status).toBe(200);
		expect(await rows('leads')).toEqual([
			expect.objectContaining({ sourceId: source.id, cells: { domain: 'acme.com', score: 7 } }),
		]);
	});

	it('refuse arrays, bad JSON and unknown sources', async () => {
		const { url } = (await t.admin('POST', '/clay/sources', { tableId: 't' })).body;
		expect((await call(url, 'POST', [{ a: 1 }])).status).toBe(400);
		expect((await call(url, 'POST', '{oops')).status).toBe(400);
		expect((await call(`${t.sb.clayUrl}/v3/sources/webhook/none`, 'POST', {})).status).toBe(404);
		expect(await rows('t')).toEqual([]);
	});

	it('check x-clay-webhook-auth when the source has a token', async () => {
		const { url } = (await t.admin('POST', '/clay/sources', { tableId: 't', authToken: 's3cret' }))
			.body;
		expect((await call(url, 'POST', { a: 1 })).status).toBe(401);
		expect((await call(url, 'POST', { a: 1 }, { 'x-clay-webhook-auth': 'wrong' })).status).toBe(
			401,
		);
		expect((await call(url, 'POST', { a: 1 }, { 'x-clay-webhook-auth': 's3cret' })).status).toBe(
			200,
		);
	});

	it('stop at the submission cap (50,000 by default) for good', async () => {
		expect((await t.admin('POST', '/clay/sources', { id: 'big' })).body.maxSubmissions).toBe(
			50_000,
		);
		const { url } = (await t.admin('POST', '/clay/sources', { tableId: 't', maxSubmissions: 2 }))
			.body;
		for (let i = 0; i < 2; i++) {
			expect((await call(url, 'POST', { i })).status).toBe(200);
			t.sb.tick(1000);
		}
		const capped = await call(url, 'POST', { i: 3 });
		expect(capped.status).toBe(403);
		expect(capped.body.message).toMatch(/limit of 2 submissions/);
		expect(await rows('t')).toHaveLength(2);
	});

	it('limit intake to 10 rows/s by default, with 429 and Retry-After', async () => {
		const { url } = (await t.admin('POST', '/clay/sources', { tableId: 't' })).body;
		for (let i = 0; i < 10; i++) expect((await call(url, 'POST', { i })).status).toBe(200);
		const limited = await call(url, 'POST', { i: 10 });
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('1');
		await t.admin('PUT', '/clay/limits', { rowsPerSecond: 100 });
		expect((await call(url, 'POST', { i: 11 })).status).toBe(200);
	});
});

describe('Clay HTTP API column', () => {
	let target: Server;
	let targetUrl: string;
	const received: Array<{ headers: Record<string, unknown>; body: unknown }> = [];

	beforeAll(async () => {
		// Stands in for an n8n webhook acting as a Clay enrichment endpoint.
		target = createServer((req, res) => {
			let text = '';
			req.on('data', (c) => (text += c));
			req.on('end', () => {
				const body = JSON.parse(text);
				received.push({ headers: req.headers, body });
				if (body.domain === 'fail.com') {
					res.writeHead(500).end('boom');
					return;
				}
				res
					.writeHead(200, { 'content-type': 'application/json' })
					.end(JSON.stringify({ data: { score: body.domain.length, tier: 'A' } }));
			});
		});
		await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
		targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/enrich`;
	});
	afterAll(() => new Promise<void>((resolve) => target.close(() => resolve())));

	it('sends each row with the configured headers and stores response fields back', async () => {
		received.length = 0;
		await t.admin('POST', '/clay/tables/accounts/rows', {
			rows: [
				{ Domain: 'acme.com', Name: 'Acme' },
				{ Domain: 'fail.com', Name: 'F' },
			],
		});
		const run = await t.admin('POST', '/clay/tables/accounts/run-http-column', {
			url: targetUrl,
			headers: { 'x-shared-secret': 'abc' },
			body: { domain: '{{Domain}}', label: 'Company {{Name}}' },
			outputColumn: 'Enrichment',
			fields: { Score: 'data.score', Tier: 'data.tier' },
		});
		expect(run.status).toBe(200);
		expect(run.body).toMatchObject({ total: 2, succeeded: 1, failed: 1 });
		expect(received[0]).toMatchObject({
			headers: expect.objectContaining({ 'x-shared-secret': 'abc' }),
			body: { domain: 'acme.com', label: 'Company Acme' },
		});
		const [ok, failed] = await rows('accounts');
		expect(ok.cells).toEqual({
			Domain: 'acme.com',
			Name: 'Acme',
			Enrichment: { data: { score: 8, tier: 'A' } },
			Score: 8,
			Tier: 'A',
		});
		expect(ok.http.status).toBe(200);
		expect(failed.http).toMatchObject({ status: 500, error: 'HTTP 500' });
		expect(failed.cells.Score).toBeUndefined();
	});
});
