// The trigger's replay ledger: static data as n8n stores it, plus this process's memory.
import type { IDataObject } from 'n8n-workflow';
import {
	isReplay,
	KEY_CHARS,
	type ReplayCheck,
	type StoredLedger,
} from '../../../../nodes/SignedWebhook/replayLedger';

/** The keys stored per expiry minute, as counts. */
const stored = (data: IDataObject) =>
	Object.fromEntries(
		Object.entries((data.replayLedger as unknown as StoredLedger | undefined)?.buckets ?? {}).map(
			([end, text]) => [end, text.length / KEY_CHARS],
		),
	);
const storedCount = (data: IDataObject) => Object.values(stored(data)).reduce((a, b) => a + b, 0);

let scopeCounter = 0;
const checker = () => {
	const scope = `wf:node:${++scopeCounter}`;
	return (staticData: IDataObject, key: string, extra: Partial<ReplayCheck> = {}) =>
		isReplay(staticData, {
			scope,
			key,
			nowSeconds: 1000,
			expiresAt: 1300,
			maxEntries: 100,
			persist: true,
			...extra,
		});
};

describe('replay ledger', () => {
	test('a key is accepted once, then refused until it expires', () => {
		const check = checker();
		const data: IDataObject = {};
		expect(check(data, 'k')).toBe(false);
		expect(check(data, 'k')).toBe(true);
		// Kept to the end of its expiry minute (1300 → 1320), then forgotten.
		expect(check(data, 'k', { nowSeconds: 1319, expiresAt: 1600 })).toBe(true);
		expect(check(data, 'k', { nowSeconds: 1321, expiresAt: 1600 })).toBe(false);
	});

	test('keys written by another process (in the stored data) are refused here too', () => {
		const data: IDataObject = {};
		checker()(data, 'k');
		expect(checker()(JSON.parse(JSON.stringify(data)), 'k')).toBe(true);
	});

	test('a write that started from stale stored data keeps the keys this process already saw', () => {
		const check = checker();
		const first: IDataObject = {};
		check(first, 'a');
		const second: IDataObject = {}; // loaded before the first request's write landed
		check(second, 'b');
		expect(storedCount(second)).toBe(2);
	});

	test('at most maxEntries keys, the soonest to expire dropped first', () => {
		const check = checker();
		const data: IDataObject = {};
		check(data, 'old', { expiresAt: 1100, maxEntries: 2 });
		check(data, 'mid', { expiresAt: 1200, maxEntries: 2 });
		check(data, 'new', { expiresAt: 1300, maxEntries: 2 });
		expect(stored(data)).toEqual({ '1200': 1, '1320': 1 });
		expect(check(data, 'old', { maxEntries: 2 })).toBe(false);
	});

	test('without persist a new key stays in memory; a refused replay writes it', () => {
		const check = checker();
		const data: IDataObject = {};
		expect(check(data, 'k', { persist: false })).toBe(false);
		expect(data.replayLedger).toBeUndefined();
		expect(check(data, 'k', { persist: false })).toBe(true);
		expect(storedCount(data)).toBe(1);
	});

	test('nothing is written when nothing changed (each write is a database write)', () => {
		const check = checker();
		const data: IDataObject = {};
		check(data, 'k');
		const written = data.replayLedger;
		check(data, 'k');
		expect(data.replayLedger).toBe(written);
	});

	test('within one minute the first-accepted keys are forgotten first', () => {
		const check = checker();
		const data: IDataObject = {};
		for (const key of ['a', 'b', 'c']) check(data, key, { maxEntries: 2 });
		expect(storedCount(data)).toBe(2);
		expect(check(data, 'c', { maxEntries: 2 })).toBe(true);
		expect(check(data, 'a', { maxEntries: 2 })).toBe(false);
	});

	test('keys appended by another process to a minute this process holds are merged, not lost', () => {
		const mine = checker();
		const theirs = checker();
		const data: IDataObject = {};
		mine(data, 'a');
		const elsewhere = JSON.parse(JSON.stringify(data));
		theirs(elsewhere, 'b'); // another process appends b to the same minute and writes
		expect(mine(elsewhere, 'c')).toBe(false);
		expect(storedCount(elsewhere)).toBe(3);
		expect(mine(elsewhere, 'b')).toBe(true);
	});

	test('expired minutes are removed from the stored form on the next write', () => {
		const check = checker();
		const data: IDataObject = {};
		check(data, 'early', { expiresAt: 1010 });
		check(data, 'late', { nowSeconds: 1100, expiresAt: 1400 });
		expect(stored(data)).toEqual({ '1440': 1 });
	});

	test("the first release's ledger ({key: expiresAt}) is still honoured and then rewritten", () => {
		const data: IDataObject = {};
		checker()(data, 'k');
		const text = Object.values((data.replayLedger as unknown as StoredLedger).buckets)[0];
		const legacy: IDataObject = { replayKeys: { [`${text}abcdef`]: 1300 } };
		expect(checker()(legacy, 'k')).toBe(true);
		expect(legacy.replayKeys).toBeUndefined();
		expect(storedCount(legacy)).toBe(1);
	});

	test('10,000 remembered keys stay a few compact strings', () => {
		const check = checker();
		const data: IDataObject = {};
		for (let i = 0; i < 10000; i++)
			check(data, `event-${i}`, { maxEntries: 10000, expiresAt: 1000 + i });
		expect(storedCount(data)).toBe(10000);
		expect(JSON.stringify(data).length).toBeLessThan(10000 * (KEY_CHARS + 1));
	});
});
