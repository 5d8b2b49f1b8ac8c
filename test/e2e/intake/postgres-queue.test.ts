// The queue in the user's PostgreSQL (workflows/sql/01-revops-queue.sql: template 03, and template 01's variant)
// on a real PostgreSQL: repeats refused by the unique key, claims from concurrent sessions disjoint and
// complete, read back through the Intake Queue's own logic as the Postgres node would hand the rows over;
// settle only while the claim is the drain's own; replay of dead letters.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ensureServices } from '../../../dev/services';
import { startWarehouse, type Warehouse } from '../../../dev/stack/warehouse';
import { enqueueRecord, ownClaims, type StoredQueueRow } from '../../../nodes/shared/queue';

const run = promisify(execFile);

describe('queue in PostgreSQL (workflows/sql/01-revops-queue.sql)', () => {
	let warehouse: Warehouse;
	beforeAll(async () => {
		warehouse = await startWarehouse();
	}, 120_000);
	afterAll(async () => await warehouse?.stop());

	/** A separate psql session, as a separate n8n worker's Postgres node would be. */
	const session = async (sql: string): Promise<any[]> => {
		const { stdout } = await run(
			path.join(ensureServices(), 'psql'),
			[
				'-h',
				warehouse.host,
				'-p',
				String(warehouse.port),
				'-U',
				warehouse.user,
				'-d',
				warehouse.database,
				'-qAt',
				'-c',
				`SELECT coalesce(json_agg(t), '[]') FROM (${sql}) t`,
			],
			{ maxBuffer: 64 * 1024 * 1024 },
		);
		return JSON.parse(stdout.trim());
	};

	test('a row delivered twice is stored once', async () => {
		const record = enqueueRecord({ domain: 'twice.example', intent: 50 }, [], Date.now());
		const enqueue = `SELECT revops_queue_enqueue('clay-intake', '${record.key}', '${record.payload}', ${record.received_at}) AS stored`;
		const [first, second] = await Promise.all([session(enqueue), session(enqueue)]);
		expect([first[0].stored, second[0].stored].sort()).toEqual([false, true]);
		expect(
			warehouse.query(
				`SELECT id FROM revops_queue WHERE queue = 'clay-intake' AND key = '${record.key}'`,
			),
		).toHaveLength(1);
	});

	test('four drains claiming at once take every due row exactly once', async () => {
		const now = Date.now();
		const values = Array.from({ length: 2000 }, (_, i) => {
			const r = enqueueRecord({ domain: `claim-${i}.example` }, [], now - 1000);
			return `('claims', '${r.key}', '${r.payload}', ${r.available_at}, ${r.received_at})`;
		});
		warehouse.exec(
			`INSERT INTO revops_queue (queue, key, payload, available_at, received_at) VALUES ${values.join(',')};`,
		);
		const claimed = new Map<string, number[]>();
		await Promise.all(
			['a', 'b', 'c', 'd'].map(async (token) => {
				for (;;) {
					const rows = await session(
						`SELECT * FROM revops_queue_claim('claims', '${token}', ${Date.now()}, ${Date.now() + 300_000}, 100)`,
					);
					if (!rows.length) return;
					const { mine, others } = ownClaims(rows as StoredQueueRow[], token);
					expect(others).toBe(0);
					claimed.set(token, [...(claimed.get(token) ?? []), ...mine.map((row) => Number(row.id))]);
				}
			}),
		);
		const all = [...claimed.values()].flat();
		expect(new Set(all).size).toBe(all.length);
		const due = warehouse.query<{ id: number }>(
			`SELECT id FROM revops_queue WHERE queue = 'claims'`,
		);
		expect(all.sort((x, y) => x - y)).toEqual(
			due.map((row) => Number(row.id)).sort((x, y) => x - y),
		);
		expect(claimed.size).toBeGreaterThan(1);
	}, 120_000);

	test('a claim whose lease has expired is taken again; a live one is not', async () => {
		const now = Date.now();
		warehouse.exec(`
			INSERT INTO revops_queue (queue, key, payload, state, claim, available_at, received_at) VALUES
			('lease', 'lease-expired', '{}', 'claimed', 'dead-drain', ${now - 1}, ${now}),
			('lease', 'lease-live', '{}', 'claimed', 'live-drain', ${now + 600_000}, ${now}),
			('other-queue', 'lease-other', '{}', 'pending', '', ${now - 1}, ${now});`);
		const rows = await session(
			`SELECT * FROM revops_queue_claim('lease', 'next', ${now}, ${now + 300_000}, 1000)`,
		);
		expect(rows.map((row) => row.key)).toEqual(['lease-expired']);
		expect(rows[0].claim).toBe('next');
	});

	test("outcomes are written only while the claim is still the drain's own; dead letters replay", async () => {
		const now = Date.now();
		warehouse.exec(`
			INSERT INTO revops_queue (queue, key, payload, state, claim, available_at, received_at) VALUES
			('settle', 'mine', '{}', 'claimed', 'drain-a', ${now + 300_000}, ${now}),
			('settle', 'taken-over', '{}', 'claimed', 'drain-b', ${now + 300_000}, ${now});`);
		const ids = warehouse.query<{ id: number; key: string }>(
			`SELECT id, key FROM revops_queue WHERE queue = 'settle' ORDER BY key`,
		);
		const update = (id: number) => ({
			id,
			state: 'dead',
			attempts: 5,
			available_at: 8.64e15,
			claim: '',
			last_error: 'HubSpot refused it',
			done_at: 0,
			token: 'drain-a',
		});
		const [written] = await session(
			`SELECT revops_queue_settle('${JSON.stringify(ids.map((row) => update(Number(row.id))))}'::jsonb) AS n`,
		);
		expect(written.n).toBe(1);
		const after = warehouse.query<{ key: string; state: string; claim: string }>(
			`SELECT key, state, claim FROM revops_queue WHERE queue = 'settle' ORDER BY key`,
		);
		expect(after).toEqual([
			{ key: 'mine', state: 'dead', claim: '' },
			{ key: 'taken-over', state: 'claimed', claim: 'drain-b' },
		]);
		const mine = Number(ids.find((row) => row.key === 'mine')!.id);
		const replayed = await session(
			`SELECT key, state, attempts FROM revops_queue_replay('settle', ARRAY[${mine}]::bigint[], ${now})`,
		);
		expect(replayed).toEqual([{ key: 'mine', state: 'pending', attempts: 0 }]);
		const claimed = await session(
			`SELECT key FROM revops_queue_claim('settle', 'drain-c', ${now}, ${now + 300_000}, 10)`,
		);
		expect(claimed.map((row) => row.key)).toEqual(['mine']);
	});

	test('one run at a time: of four runs taking the lock at once exactly one holds it, until it lets go or its lease ends', async () => {
		const now = Date.now();
		const takes = await Promise.all(
			['a', 'b', 'c', 'd'].map((token) =>
				session(
					`SELECT key, claim FROM revops_queue_lock('one-run', '${token}', ${now}, ${now + 60_000})`,
				),
			),
		);
		// Every run gets the lock row back; its claim names the one run that holds it.
		const holders = new Set(takes.map(([row]) => row.claim));
		expect(holders.size).toBe(1);
		const [holder] = [...holders];
		expect(['a', 'b', 'c', 'd']).toContain(holder);
		expect(takes.every(([row]) => row.key === '__drain_lock__')).toBe(true);
		// Another run is refused while the lease runs, and gets it once the holder lets go.
		const [during] = await session(
			`SELECT claim FROM revops_queue_lock('one-run', 'e', ${now + 1}, ${now + 60_000})`,
		);
		expect(during.claim).toBe(holder);
		expect(
			await session(`SELECT key FROM revops_queue_unlock('one-run', 'not-the-holder')`),
		).toEqual([]);
		await session(`SELECT key FROM revops_queue_unlock('one-run', '${holder}')`);
		const [after] = await session(
			`SELECT claim FROM revops_queue_lock('one-run', 'e', ${now + 2}, ${now + 60_000})`,
		);
		expect(after.claim).toBe('e');
		// A run that died: its lease ends, the next run takes the lock.
		const [expired] = await session(
			`SELECT claim FROM revops_queue_lock('one-run', 'f', ${now + 60_001}, ${now + 120_000})`,
		);
		expect(expired.claim).toBe('f');
		// The lock row is never claimed as work.
		expect(
			await session(
				`SELECT key FROM revops_queue_claim('one-run', 'g', ${now + 999_999_999}, 0, 10)`,
			),
		).toEqual([]);
	});
});
