import {
	applyOutcomes,
	compileSyncConfig,
	planSync,
	type LinkState,
} from '../../../../../nodes/shared/sync';
import { baseline, withBaselines, withSide } from '../../../../../nodes/shared/sync/state';
import { config, hs, row } from './helpers';

const fields = compileSyncConfig(config()).fields;
const byName = (name: string) => fields.find((f) => f.name === name) as (typeof fields)[number];

describe('link rows', () => {
	it('store the source values, and the target values only where they differ', () => {
		const link = withBaselines(
			{ key: 's:1', sourceId: '1', lastSynced: { old: 'dropped' } },
			fields,
			{
				source: { name: ' Acme ', domain: 'https://acme.com', employees: 12, public: null },
				target: { name: 'Acme', domain: 'acme.com', employees: 12, public: null, tags: 'x' },
			},
		);
		expect(link).toEqual({
			key: 's:1',
			sourceId: '1',
			lastSynced: { name: ' Acme ', domain: 'https://acme.com', employees: 12 },
			lastSyncedTarget: { name: 'Acme', domain: 'acme.com', tags: 'x' },
		});
		expect(baseline(link, byName('name'), 'target')).toBe('Acme');
		expect(baseline(link, byName('employees'), 'target')).toBe(12);
		expect(baseline(link, byName('tags'), 'source')).toBeNull();
		expect(baseline(link, byName('closedAt'), 'target')).toBeNull();
		// An explicit null on the target side is kept: the source has a value there.
		const cleared = withBaselines(link, fields, { source: { name: 'A' }, target: {} });
		expect(cleared.lastSyncedTarget).toEqual({ name: null });
		expect(
			withBaselines(cleared, fields, { source: { name: 'A' }, target: { name: 'A' } }),
		).not.toHaveProperty('lastSyncedTarget');
	});

	it('keep side lists sorted and leave them out when empty', () => {
		const link: LinkState = { key: 'k', lastSynced: {} };
		const both = withSide(
			withSide(link, 'awaitingEcho', 'target', true),
			'awaitingEcho',
			'source',
			true,
		);
		expect(both.awaitingEcho).toEqual(['source', 'target']);
		expect(
			withSide(withSide(both, 'awaitingEcho', 'source', false), 'awaitingEcho', 'target', false),
		).toEqual(link);
	});
});

describe('applyOutcomes', () => {
	const plan = () =>
		planSync(config(), {
			source: [
				hs('1', { name: 'Acme', domain: 'acme.com' }),
				hs('2', { name: 'Beta v2', domain: 'beta.io' }, '2024-05-02T00:00:00Z'),
			],
			target: [
				row('b', { name: 'Beta', domain: 'beta.io', employee_count: 7 }, '2024-05-01T00:00:00Z'),
			],
			state: [
				{
					key: 's:2',
					sourceId: '2',
					targetId: 'b',
					lastSynced: { name: 'Beta', domain: 'beta.io' },
					targetVersion: '2024-04-01T00:00:00.000Z',
				},
			],
		});

	it('completes the planned rows with created ids and the written records’ updatedAt', () => {
		const p = plan();
		expect(p.writes.target.creates.map((c) => c.key)).toEqual(['s:1']);
		expect(p.writes.target.updates).toEqual([{ key: 's:2', id: 'b', values: { name: 'Beta v2' } }]);
		expect(p.writes.source.updates).toEqual([
			{ key: 's:2', id: '2', values: { numberofemployees: '7' } },
		]);
		const rows = applyOutcomes(p, [
			{ side: 'target', key: 's:1', ok: true, id: 'r9', updatedAt: '2024-05-03T00:00:00Z' },
			{ side: 'source', key: 's:2', ok: true, updatedAt: 1714694400000 },
		]);
		expect(rows.find((r) => r.key === 's:1')).toMatchObject({
			targetId: 'r9',
			targetVersion: '2024-05-03T00:00:00.000Z',
			awaitingEcho: ['target'],
		});
		expect(rows.find((r) => r.key === 's:2')).toMatchObject({
			sourceVersion: '2024-05-03T00:00:00.000Z',
			targetVersion: '2024-05-01T00:00:00.000Z',
			lastSynced: { name: 'Beta v2', domain: 'beta.io', employees: 7 },
			awaitingEcho: ['source', 'target'],
		});
	});

	it('keeps the previous row, marked retry, for a link with a failed write (or a create without id)', () => {
		const p = plan();
		const rows = applyOutcomes(p, [
			{ side: 'target', key: 's:2', ok: false, error: 'column is read-only' },
		]);
		expect(rows.find((r) => r.key === 's:2')).toEqual({
			key: 's:2',
			sourceId: '2',
			targetId: 'b',
			lastSynced: { name: 'Beta', domain: 'beta.io' },
			targetVersion: '2024-04-01T00:00:00.000Z',
			retry: true,
		});
		// The create reported no id: the link cannot be completed, so it is retried as a new one.
		expect(rows.find((r) => r.key === 's:1')).toEqual({
			key: 's:1',
			sourceId: '1',
			matchKey: 'acme.com',
			lastSynced: {},
			retry: true,
		});
	});

	it('refuses an outcome for a write that was not planned', () => {
		expect(() => applyOutcomes(plan(), [{ side: 'source', key: 's:1', ok: true }])).toThrow(
			"No source write was planned for link 's:1'",
		);
	});
});
