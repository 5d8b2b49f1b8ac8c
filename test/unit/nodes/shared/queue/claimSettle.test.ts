import {
	backoffSeconds,
	DEFAULT_QUEUE_SETTINGS,
	DRAIN_LOCK_KEY,
	holdsLock,
	NEVER,
	openRow,
	ownClaims,
	planDrain,
	settingsProblems,
	settle,
	type ClaimMeta,
	type StoredQueueRow,
} from '../../../../../nodes/shared/queue';

const settings = {
	...DEFAULT_QUEUE_SETTINGS,
	maxAttempts: 3,
	backoffSeconds: 10,
	maxBackoffSeconds: 25,
};
const meta = (id: number, attempts = 0): ClaimMeta => ({
	id,
	key: `k${id}`,
	attempts,
	token: 't',
	receivedAt: 0,
});
const stored = (
	id: number,
	claim: string,
	extra: Partial<StoredQueueRow> = {},
): StoredQueueRow => ({
	id,
	key: `k${id}`,
	payload: JSON.stringify({ domain: `d${id}.com` }),
	state: 'claimed',
	attempts: 0,
	available_at: 0,
	claim,
	last_error: '',
	received_at: 5,
	done_at: 0,
	...extra,
});

describe('drain plan and claims', () => {
	test('the plan fixes the lease end and the purge cut-off from one clock', () => {
		expect(
			planDrain({ ...settings, leaseSeconds: 60, retentionHours: 2 }, 10_000_000, 'tok'),
		).toEqual({
			token: 'tok',
			now: 10_000_000,
			leaseUntil: 10_060_000,
			batchSize: settings.batchSize,
			purgeBefore: 10_000_000 - 7_200_000,
		});
	});

	test('rows another drain won, the lock row and unclaimed rows are not this drain’s', () => {
		const rows = [
			stored(1, 'mine'),
			stored(2, 'theirs'),
			stored(3, 'mine', { state: 'done' }),
			stored(4, 'mine', { key: DRAIN_LOCK_KEY }),
			stored(5, 'mine'),
		];
		const { mine, others } = ownClaims(rows, 'mine');
		expect(mine.map((row) => row.id)).toEqual([1, 5]);
		expect(others).toBe(3);
	});

	test('the lock is held only when its row came back with this token', () => {
		expect(holdsLock([{ key: DRAIN_LOCK_KEY, claim: 'a' }], 'a')).toBe(true);
		expect(holdsLock([{ key: DRAIN_LOCK_KEY, claim: 'b' }], 'a')).toBe(false);
		expect(holdsLock([], 'a')).toBe(false);
	});

	test('a payload that is not a JSON object cannot be opened, with the reason', () => {
		expect(openRow(stored(1, 't'), 't')).toEqual({
			ok: true,
			meta: { id: 1, key: 'k1', attempts: 0, token: 't', receivedAt: 5 },
			row: { domain: 'd1.com' },
		});
		expect(openRow(stored(2, 't', { payload: '[1]' }), 't')).toMatchObject({
			ok: false,
			reason: 'payload is not a JSON object',
		});
		expect(openRow(stored(3, 't', { payload: '{oops' }), 't')).toMatchObject({ ok: false });
	});
});

describe('settling outcomes', () => {
	test('successes are done and never due again; the claim is released', () => {
		const result = settle([{ meta: meta(1), ok: true }], 1_000, settings);
		expect(result.updates).toEqual([
			{
				id: 1,
				state: 'done',
				attempts: 1,
				available_at: NEVER,
				claim: '',
				last_error: '',
				done_at: 1_000,
			},
		]);
		expect(result.done.map((m) => m.id)).toEqual([1]);
	});

	test('a failure is retried after a doubling, capped backoff, then parked as a dead letter', () => {
		expect([1, 2, 3, 4].map((n) => backoffSeconds(n, settings))).toEqual([10, 20, 25, 25]);
		const first = settle([{ meta: meta(1, 0), ok: false, reason: 'HubSpot said no' }], 0, settings);
		expect(first.updates[0]).toEqual({
			id: 1,
			state: 'pending',
			attempts: 1,
			available_at: 10_000,
			claim: '',
			last_error: 'HubSpot said no',
			done_at: 0,
		});
		const second = settle([{ meta: meta(1, 1), ok: false, reason: 'again' }], 0, settings);
		expect(second.updates[0]).toMatchObject({
			state: 'pending',
			attempts: 2,
			available_at: 20_000,
		});
		const third = settle([{ meta: meta(1, 2), ok: false, reason: 'still' }], 0, settings);
		expect(third.updates[0]).toMatchObject({
			state: 'dead',
			attempts: 3,
			available_at: NEVER,
			last_error: 'still',
		});
		expect(third.dead).toEqual([{ meta: meta(1, 2), reason: 'still', attempts: 3 }]);
	});

	test('a permanent failure is parked at once', () => {
		const result = settle(
			[{ meta: meta(1), ok: false, reason: 'not JSON', permanent: true }],
			0,
			settings,
		);
		expect(result.updates[0]).toMatchObject({ state: 'dead', attempts: 1 });
	});

	test('a row reported twice fails if either report failed, with both reasons once each', () => {
		const result = settle(
			[
				{ meta: meta(7), ok: true },
				{ meta: meta(7), ok: false, reason: 'contact refused' },
				{ meta: meta(7), ok: false, reason: 'contact refused' },
				{ meta: meta(8), ok: true },
				{ meta: meta(8), ok: true },
			],
			0,
			settings,
		);
		expect(result.updates.map((u) => [u.id, u.state, u.last_error])).toEqual([
			[7, 'pending', 'contact refused'],
			[8, 'done', ''],
		]);
	});

	test('settings that cannot work are named', () => {
		expect(settingsProblems(DEFAULT_QUEUE_SETTINGS)).toEqual([]);
		expect(
			settingsProblems({
				...DEFAULT_QUEUE_SETTINGS,
				maxAttempts: 1.5,
				leaseSeconds: 0,
				maxBackoffSeconds: 1,
			}),
		).toEqual([
			'Lease (Seconds) must be a positive number (got 0)',
			'Max Attempts must be a positive whole number (got 1.5)',
			'Max Backoff (Seconds) must not be below Retry Backoff (Seconds)',
		]);
	});
});
