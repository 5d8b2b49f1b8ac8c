// Intake Queue run by n8n's engine: what the store nodes around it receive, per operation.
import { IntakeQueue } from '../../../nodes/IntakeQueue/IntakeQueue.node';
import { DEFAULT_QUEUE_SETTINGS, NEVER, rowKey } from '../../../nodes/shared/queue';
import { executeNode } from '../helpers/executeNode';

const node = new IntakeQueue();
const claimed = (
	id: number,
	claim: string,
	payload: unknown,
	extra: Record<string, unknown> = {},
) => ({
	id,
	key: `k${id}`,
	payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
	state: 'claimed',
	attempts: 0,
	available_at: 123,
	claim,
	last_error: '',
	received_at: 5,
	done_at: 0,
	...extra,
});

describe('Intake Queue node', () => {
	test('Prepare Rows: one pending queue row per item, keyed by the chosen fields, paired with its input', async () => {
		const run = await executeNode({
			node,
			parameters: { operation: 'enqueue', keyFields: 'domain' },
			items: [
				{ domain: 'acme.com', fit: 1 },
				{ domain: 'acme.com', fit: 2 },
			],
		});
		expect(run.error).toBeUndefined();
		const [a, b] = run.outputs[0];
		expect(a.json.key).toBe(rowKey({ domain: 'acme.com' }, ['domain']));
		expect(b.json.key).toBe(a.json.key);
		expect(a.json).toMatchObject({
			state: 'pending',
			attempts: 0,
			claim: '',
			last_error: '',
			done_at: 0,
		});
		expect(JSON.parse(String(b.json.payload))).toEqual({ domain: 'acme.com', fit: 2 });
		expect(run.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('Start a Drain: one item with a fresh token and the lease end; the settings are checked', async () => {
		const first = await executeNode({
			node,
			parameters: { operation: 'startDrain', leaseSeconds: 60 },
			items: [{}],
		});
		const second = await executeNode({
			node,
			parameters: { operation: 'startDrain' },
			items: [{}],
		});
		const plan = first.outputs[0][0].json;
		expect(plan.token).not.toBe(second.outputs[0][0].json.token);
		expect(Number(plan.leaseUntil) - Number(plan.now)).toBe(60_000);
		expect(plan).toMatchObject({
			batchSize: DEFAULT_QUEUE_SETTINGS.batchSize,
			lockKey: '__drain_lock__',
			never: NEVER,
		});
		const bad = await executeNode({
			node,
			parameters: { operation: 'startDrain', leaseSeconds: 0 },
			items: [{}],
		});
		expect(bad.error?.message).toBe('Lease (Seconds) must be a positive number (got 0)');
	});

	test('Start a Drain with Same Run on Retry: the token comes from the trigger item, so a retry is the same run', async () => {
		const start = async (trigger: Record<string, string>) =>
			(
				await executeNode({
					node,
					parameters: { operation: 'startDrain', tokenFromTrigger: true },
					items: [trigger],
				})
			).outputs[0][0].json.token;
		const nightly = { timestamp: '2026-12-07T02:00:00.000+00:00', 'Day of week': 'Monday' };
		expect(await start(nightly)).toBe(await start({ ...nightly }));
		expect(await start(nightly)).toMatch(/^run-[0-9a-f]{32}$/);
		expect(await start({ ...nightly, timestamp: '2026-12-08T02:00:00.000+00:00' })).not.toBe(
			await start(nightly),
		);
	});

	test('Open Claimed Rows: this drain’s rows as items with _queue; another drain’s dropped; a repeat and an unreadable payload apart', async () => {
		const run = await executeNode({
			node,
			parameters: { operation: 'open', drainRun: 'mine' },
			items: [
				claimed(1, 'mine', { domain: 'a.com' }),
				claimed(2, 'theirs', { domain: 'b.com' }),
				claimed(3, 'mine', { domain: 'a.com' }, { key: 'k1' }),
				claimed(4, 'mine', 'not json'),
			],
		});
		const [rows, repeats, unreadable] = run.outputs;
		expect(rows.map((item) => item.json)).toEqual([
			{ domain: 'a.com', _queue: { id: 1, key: 'k1', attempts: 0, token: 'mine', receivedAt: 5 } },
		]);
		expect(repeats.map((item) => [item.json._queue, item.pairedItem])).toEqual([
			[{ id: 3, key: 'k1', attempts: 0, token: 'mine', receivedAt: 5, repeat: true }, { item: 2 }],
		]);
		expect(unreadable[0].json).toMatchObject({ permanent: true, _queue: { id: 4 } });
		expect(String(unreadable[0].json.error)).toMatch(/^payload is not JSON/);
	});

	test('Open Claimed Rows whose run ID expression comes out empty names the fix', async () => {
		const run = await executeNode({
			node,
			parameters: { operation: 'open', drainRun: '={{ "" }}' },
			items: [claimed(1, 'x', {})],
		});
		expect(run.error?.message).toBe('Drain Run is empty');
	});

	test('Check the Drain Lock passes on only when the lock row holds this run’s token', async () => {
		const held = await executeNode({
			node,
			parameters: { operation: 'checkLock', drainRun: 't1' },
			items: [{ key: '__drain_lock__', claim: 't1' }],
		});
		expect(held.outputs[0]).toHaveLength(1);
		expect(held.outputs[1]).toHaveLength(0);
		const other = await executeNode({
			node,
			parameters: { operation: 'checkLock', drainRun: 't1' },
			items: [
				{ id: '1', key: '__drain_lock__', claim: 't2', available_at: Date.UTC(2026, 11, 7, 3) },
			],
		});
		expect(other.outputs[0]).toHaveLength(0);
		expect(other.outputs[1]).toHaveLength(0);
		// Held by another run (PostgreSQL's revops_queue_lock returns the row either way): says until when.
		expect(other.outputs[2].map((item) => item.json)).toEqual([
			{ token: 't1', lock: 'elsewhere', heldUntil: '2026-12-07T03:00:00.000Z' },
		]);
		// The Postgres node's answer for a statement that returned no row is not a refused write.
		const none = await executeNode({
			node,
			parameters: { operation: 'checkLock', drainRun: 't1' },
			items: [{ success: true }],
		});
		expect(none.outputs.map((output) => output.length)).toEqual([0, 0, 0]);
	});

	test('Confirm Stored Rows: only a row the store returned with its id is stored (n8n passes some refused writes on as data)', async () => {
		const run = await executeNode({
			node,
			parameters: { operation: 'confirm' },
			items: [
				{ id: 7, key: 'k7', state: 'pending' },
				{ key: 'k8', state: 'pending' },
				{ json: { key: 'k9' } },
			],
		});
		expect(run.outputs[0].map((item) => item.json.id)).toEqual([7]);
		expect(
			run.outputs[1].map((item) => [String(item.json.error).slice(0, 19), item.pairedItem]),
		).toEqual([
			['write not confirmed', { item: 1 }],
			['write not confirmed', { item: 2 }],
		]);
	});

	test('Check the Drain Lock: an update passed on without a row goes to Store Refused', async () => {
		const run = await executeNode({
			node,
			parameters: { operation: 'checkLock', drainRun: 't1' },
			items: [{ token: 't1', lockKey: '__drain_lock__' }],
		});
		expect(run.outputs[0]).toHaveLength(0);
		expect(String(run.outputs[1][0].json.error)).toMatch(/^write not confirmed/);
	});

	test('Settle Outcomes: done, retried with backoff, dead after Max Attempts; Rejected items read under input', async () => {
		const meta = (id: number, attempts = 0) => ({
			id,
			key: `k${id}`,
			attempts,
			token: 'tok',
			receivedAt: 1,
		});
		const run = await executeNode({
			node,
			parameters: {
				operation: 'settle',
				maxAttempts: 3,
				backoffSeconds: 10,
				maxBackoffSeconds: 100,
			},
			items: [
				{ domain: 'ok.com', signal_score: 90, _queue: meta(1) },
				{ error: 'HubSpot refused the company', input: { domain: 'no.com', _queue: meta(2, 0) } },
				{ domain: 'dead.com', error: { message: 'still refused' }, _queue: meta(3, 2) },
			],
		});
		expect(run.error).toBeUndefined();
		const [updates, done, dead] = run.outputs;
		const now = Date.now();
		expect(updates.map((u) => [u.json.id, u.json.state, u.json.attempts, u.json.token])).toEqual([
			[1, 'done', 1, 'tok'],
			[2, 'pending', 1, 'tok'],
			[3, 'dead', 3, 'tok'],
		]);
		expect(Number(updates[1].json.available_at) - now).toBeGreaterThan(9_000);
		expect(Number(updates[1].json.available_at) - now).toBeLessThanOrEqual(10_000);
		expect(updates[1].json.last_error).toBe('HubSpot refused the company');
		expect(done.map((item) => item.json.domain)).toEqual(['ok.com']);
		expect(dead.map((item) => item.json)).toEqual([
			{
				queueId: 3,
				key: 'k3',
				reason: 'still refused',
				attempts: 3,
				row: { domain: 'dead.com', error: { message: 'still refused' } },
			},
		]);
	});

	test('Settle Outcomes: an item without _queue stops the run with the fix', async () => {
		const run = await executeNode({
			node,
			parameters: { operation: 'settle' },
			items: [{ domain: 'x.com' }],
		});
		expect(run.error?.message).toContain('The item has no _queue field');
	});

	test('Report Rows: one item listing the store rows (PostgreSQL ids as text too), nothing else', async () => {
		const run = await executeNode({
			node,
			parameters: { operation: 'report' },
			items: [
				claimed(
					3,
					'',
					{ domain: 'acme.com' },
					{ state: 'dead', attempts: 5, last_error: 'refused' },
				),
				{ ...claimed(4, '', { domain: 'beta.io' }, { state: 'pending' }), id: '4' },
				{ success: true },
			],
		});
		expect(run.error).toBeUndefined();
		expect(run.outputs[0]).toHaveLength(1);
		const [report] = run.outputs[0];
		expect(report.json.count).toBe(2);
		expect(report.json.rows).toEqual([
			expect.objectContaining({
				id: 3,
				state: 'dead',
				attempts: 5,
				lastError: 'refused',
				row: { domain: 'acme.com' },
			}),
			expect.objectContaining({ id: 4, state: 'pending', row: { domain: 'beta.io' } }),
		]);
		expect(report.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('Check Store Usage: the API’s table sizes against the cap; near it goes to Near or At Cap', async () => {
		const page = (sizes: number[]) => ({
			data: sizes.map((sizeBytes, i) => ({ id: `t${i}`, name: `table ${i}`, sizeBytes })),
			nextCursor: null,
		});
		const calm = await executeNode({
			node,
			parameters: { operation: 'usage', capMiB: 1, warnPercent: 80 },
			items: [page([100_000, 200_000])],
		});
		expect(calm.outputs[0].map((i) => i.json.level)).toEqual(['ok']);
		expect(calm.outputs[1]).toEqual([]);
		const near = await executeNode({
			node,
			parameters: { operation: 'usage', capMiB: 1, warnPercent: 80 },
			items: [page([700_000, 200_000])],
		});
		expect(near.outputs[0]).toEqual([]);
		expect(near.outputs[1][0].json).toMatchObject({ level: 'warn', percent: 85.8 });
		expect(near.outputs[1][0].json.message).toContain('table 0');
		const nothing = await executeNode({
			node,
			parameters: { operation: 'usage' },
			items: [{ message: 'Unauthorized' }],
		});
		expect(nothing.error?.message).toBe('No data table sizes in the input');
	});

	test('Answer a Store Failure: 503 + Retry-After when full, 500 naming the table when missing', async () => {
		const run = await executeNode({
			node,
			parameters: { operation: 'storeFailure', table: 'revops_clay_intake', retryAfter: 45 },
			items: [
				{
					error:
						'Validation error with data table request: Data table size limit exceeded: 50MB used, limit is 50MB',
				},
				{ error: { message: 'Data table with name "revops_clay_intake" not found' } },
				// The Postgres node's shape: the database's words in `message`, the query in the description.
				{
					message: 'relation "revops_queue" does not exist',
					error: { description: 'Failed query: SELECT revops_queue_enqueue($1, $2, $3, $4)' },
				},
				{ message: 'Connection refused', error: { description: '127.0.0.1:5432' } },
			],
		});
		const [full, missing, missingPg, down] = run.outputs[0].map((item) => item.json);
		expect(full).toMatchObject({ status: 503, retryAfter: 45, kind: 'full' });
		expect(missing).toMatchObject({ status: 500, retryAfter: '', kind: 'missingTable' });
		expect((missing.body as { action: string }).action).toContain('revops_clay_intake');
		expect(missingPg).toMatchObject({ status: 500, kind: 'missingTable' });
		expect(missingPg.reason).toContain('relation "revops_queue" does not exist: Failed query');
		expect(down).toMatchObject({ status: 503, retryAfter: 45, kind: 'unavailable' });
		expect(down.reason).toContain('Connection refused: 127.0.0.1:5432');
	});
});

test('the parameters’ defaults are the queue’s defaults', () => {
	const defaults = Object.fromEntries(
		node.description.properties.map((property) => [property.name, property.default]),
	);
	for (const [name, value] of Object.entries(DEFAULT_QUEUE_SETTINGS))
		expect([name, defaults[name]]).toEqual([name, value]);
});
