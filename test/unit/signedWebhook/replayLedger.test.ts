// The trigger's replay ledger: static data as n8n stores it, plus this process's memory.
import type { IDataObject } from 'n8n-workflow';
import { isReplay, type ReplayCheck } from '../../../nodes/SignedWebhook/replayLedger';

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
		const stored: IDataObject = {};
		expect(check(stored, 'k')).toBe(false);
		expect(check(stored, 'k')).toBe(true);
		expect(check(stored, 'k', { nowSeconds: 1301, expiresAt: 1600 })).toBe(false);
	});

	test('keys written by another process (in the stored data) are refused here too', () => {
		const stored: IDataObject = {};
		checker()(stored, 'k');
		expect(checker()({ ...stored }, 'k')).toBe(true);
	});

	test('a write that started from stale stored data keeps the keys this process already saw', () => {
		const check = checker();
		const first: IDataObject = {};
		check(first, 'a');
		const second: IDataObject = {}; // loaded before the first request's write landed
		check(second, 'b');
		expect(Object.keys(second.replayKeys as object)).toHaveLength(2);
	});

	test('at most maxEntries keys, the soonest to expire dropped first', () => {
		const check = checker();
		const stored: IDataObject = {};
		check(stored, 'old', { expiresAt: 1100, maxEntries: 2 });
		check(stored, 'mid', { expiresAt: 1200, maxEntries: 2 });
		check(stored, 'new', { expiresAt: 1300, maxEntries: 2 });
		expect(Object.values(stored.replayKeys as object).sort()).toEqual([1200, 1300]);
		expect(check(stored, 'old', { maxEntries: 2 })).toBe(false);
	});

	test('without persist a new key stays in memory; a refused replay writes it', () => {
		const check = checker();
		const stored: IDataObject = {};
		expect(check(stored, 'k', { persist: false })).toBe(false);
		expect(stored.replayKeys).toBeUndefined();
		expect(check(stored, 'k', { persist: false })).toBe(true);
		expect(Object.keys(stored.replayKeys as object)).toHaveLength(1);
	});

	test('nothing is written when nothing changed (each write is a database write)', () => {
		const check = checker();
		const stored: IDataObject = {};
		check(stored, 'k');
		const written = stored.replayKeys;
		check(stored, 'k');
		expect(stored.replayKeys).toBe(written);
	});
});
