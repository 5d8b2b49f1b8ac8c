import {
	applyOutcomes,
	planSync,
	SyncConfigError,
	type LinkState,
	type SideRecord,
	type SyncConfig,
	type SyncPlan,
} from '../../../../../nodes/shared/sync';
import { config, hs, row } from './helpers';

const T0 = '2024-05-01T10:00:00Z';
const T1 = '2024-05-02T10:00:00Z';
const T2 = '2024-05-03T10:00:00Z';

/** A pair synced once: HubSpot company 1 ⇄ warehouse row r1. */
function synced(overrides: Partial<SyncConfig> = {}) {
	const cfg = config(overrides);
	const source = {
		name: 'Acme',
		domain: 'acme.com',
		numberofemployees: '12',
		is_public: 'true',
		closedate: '2024-05-01T09:30:00.123Z',
		tags: 'a;b',
	};
	const first = planSync(cfg, { source: [hs('1', source, T0)], target: [], state: [] });
	const state = applyOutcomes(first, [
		{ side: 'target', key: 's:1', ok: true, id: 'r1', updatedAt: T0 },
	]);
	// The warehouse holds what we wrote, in its own types and precision.
	const target = {
		name: 'Acme',
		domain: 'acme.com',
		employee_count: 12,
		is_public: true,
		closed_at: '2024-05-01 09:30:00.123000+00',
		tags: 'a;b',
	};
	return { cfg, state, source, target };
}

function run(
	cfg: SyncConfig,
	state: LinkState[],
	source: SideRecord[],
	target: SideRecord[],
): SyncPlan {
	return planSync(cfg, { source, target, state });
}

const noWrites = {
	source: { creates: [], updates: [], deletes: [] },
	target: { creates: [], updates: [], deletes: [] },
};

describe('planSync', () => {
	it('validates the configuration before planning anything', () => {
		expect(() =>
			planSync(config({ strategy: 'newest' as never }), { source: [], target: [], state: [] }),
		).toThrow(SyncConfigError);
	});

	it('suppresses the echo of its own write, across types and precisions', () => {
		const { cfg, state, target } = synced();
		// The row comes back with a new updatedAt: 12 as a number, true as a boolean, microseconds.
		const plan = run(cfg, state, [], [row('r1', target, T1)]);
		expect(plan.writes).toEqual(noWrites);
		expect(plan.skipped).toEqual([{ side: 'target', id: 'r1', reason: 'echo', key: 's:1' }]);
		// Seen once, it is no longer awaited: the next identical read is merely unchanged.
		const next = applyOutcomes(plan, []);
		expect(next[0].awaitingEcho).toBeUndefined();
		expect(run(cfg, next, [], [row('r1', target, T2)]).skipped[0].reason).toBe('unchanged');
	});

	it('applies edits of different fields on each side to both, with no conflict', () => {
		const { cfg, state, source, target } = synced();
		const plan = run(
			cfg,
			state,
			[hs('1', { ...source, name: 'Acme Inc' }, T1)],
			[row('r1', { ...target, employee_count: 15 }, T2)],
		);
		expect(plan.writes.target.updates).toEqual([
			{ key: 's:1', id: 'r1', values: { name: 'Acme Inc' } },
		]);
		expect(plan.writes.source.updates).toEqual([
			{ key: 's:1', id: '1', values: { numberofemployees: '15' } },
		]);
		expect(plan.conflicts).toEqual([]);
		expect(plan.skipped).toEqual([]);
	});

	it('resolves the same field edited on both sides by the strategy and reports it', () => {
		const { state, source, target } = synced();
		const edits = (cfg: SyncConfig) =>
			run(
				cfg,
				state,
				[hs('1', { ...source, name: 'From HubSpot' }, T2)],
				[row('r1', { ...target, name: 'From warehouse' }, T1)],
			);
		const lww = edits(config());
		expect(lww.conflicts).toEqual([
			{
				key: 's:1',
				field: 'name',
				sourceValue: 'From HubSpot',
				targetValue: 'From warehouse',
				resolution: 'last_write_wins',
				winner: 'source',
			},
		]);
		expect(lww.writes.target.updates).toEqual([
			{ key: 's:1', id: 'r1', values: { name: 'From HubSpot' } },
		]);
		expect(lww.skipped).toEqual([{ side: 'target', id: 'r1', reason: 'conflict', key: 's:1' }]);
		const targetWins = edits(config({ strategy: 'target_wins' }));
		expect(targetWins.writes.source.updates).toEqual([
			{ key: 's:1', id: '1', values: { name: 'From warehouse' } },
		]);
		expect(targetWins.conflicts[0]).toMatchObject({ resolution: 'target_wins', winner: 'target' });
	});

	it('merges list fields under merge', () => {
		const cfg = config({ strategy: 'merge', mergeFields: ['tags'] });
		const { state, source, target } = synced({ strategy: 'merge', mergeFields: ['tags'] });
		const plan = run(
			cfg,
			state,
			[hs('1', { ...source, tags: 'b;c' }, T1)],
			[row('r1', { ...target, tags: 'a;b;d' }, T2)],
		);
		expect(plan.writes.source.updates).toEqual([
			{ key: 's:1', id: '1', values: { tags: 'b;c;d' } },
		]);
		expect(plan.writes.target.updates).toEqual([
			{ key: 's:1', id: 'r1', values: { tags: 'b;c;d' } },
		]);
		expect(plan.conflicts[0]).toMatchObject({
			field: 'tags',
			resolution: 'merge',
			winner: 'merged',
		});
	});

	it('links records that exist on both sides by match key instead of duplicating them', () => {
		const plan = run(
			config(),
			[],
			[
				hs('7', { name: 'Globex', domain: 'https://www.globex.com/', numberofemployees: '40' }, T1),
				hs('8', { name: 'New', domain: 'new.io' }),
			],
			[row('g', { name: 'Globex Corp', domain: 'globex.com', is_public: false }, T0)],
		);
		expect(plan.writes.target.creates).toEqual([
			{ key: 's:8', values: { name: 'New', domain: 'new.io' } },
		]);
		expect(plan.writes.source.creates).toEqual([]);
		// The fresh link fills what each side lacks and resolves what both hold differently.
		expect(plan.writes.target.updates).toEqual([
			{ key: 's:7', id: 'g', values: { name: 'Globex', employee_count: 40 } },
		]);
		expect(plan.writes.source.updates).toEqual([
			{ key: 's:7', id: '7', values: { is_public: 'false' } },
		]);
		expect(plan.conflicts).toEqual([
			{
				key: 's:7',
				field: 'name',
				sourceValue: 'Globex',
				targetValue: 'Globex Corp',
				resolution: 'last_write_wins',
				winner: 'source',
			},
		]);
		expect(plan.nextState.find((l) => l.key === 's:7')).toMatchObject({
			sourceId: '7',
			targetId: 'g',
			matchKey: 'globex.com',
		});
	});

	it('skips new records by direction and filter, and does not link them', () => {
		const cfg = config({
			direction: 'source_to_target',
			filters: {
				sourceToTarget: {
					include: [{ field: 'lifecyclestage', operator: 'eq', value: 'customer' }],
				},
			},
		});
		const plan = run(
			cfg,
			[],
			[hs('1', { name: 'Lead', domain: 'lead.io', lifecyclestage: 'lead' })],
			[row('x', { name: 'Only here', domain: 'x.io' })],
		);
		expect(plan.writes).toEqual(noWrites);
		expect(plan.skipped).toEqual([
			{ side: 'source', id: '1', reason: 'filtered', key: 's:1' },
			{ side: 'target', id: 'x', reason: 'direction', key: 't:x' },
		]);
		expect(plan.nextState).toEqual([]);
	});

	it('stops sending a linked record that fails its filter, and sends what it changed once it passes again', () => {
		const cfg = config({
			filters: {
				sourceToTarget: { exclude: [{ field: 'hs_lead_status', operator: 'eq', value: 'JUNK' }] },
			},
		});
		const { state, source, target } = synced({ filters: cfg.filters });
		const junk = run(
			cfg,
			state,
			[hs('1', { ...source, hs_lead_status: 'JUNK', name: 'Renamed' }, T1)],
			[],
		);
		expect(junk.writes).toEqual(noWrites);
		expect(junk.skipped).toEqual([{ side: 'source', id: '1', reason: 'filtered', key: 's:1' }]);
		let next = applyOutcomes(junk, []);
		expect(next[0].filteredOut).toEqual(['source']);
		// Still receives the warehouse's changes meanwhile.
		const incoming = run(cfg, next, [], [row('r1', { ...target, employee_count: 30 }, T1)]);
		expect(incoming.writes.source.updates).toEqual([
			{ key: 's:1', id: '1', values: { numberofemployees: '30' } },
		]);
		next = applyOutcomes(incoming, []);
		// Back in: the rename made while filtered out is sent now.
		const back = run(
			cfg,
			next,
			[hs('1', { ...source, hs_lead_status: 'NEW', name: 'Renamed', numberofemployees: '30' }, T2)],
			[],
		);
		expect(back.writes.target.updates).toEqual([
			{ key: 's:1', id: 'r1', values: { name: 'Renamed' } },
		]);
		expect(applyOutcomes(back, [])[0].filteredOut).toBeUndefined();
	});

	it('in a one-way sync, leaves edits on the receiving side alone, and target_wins protects them', () => {
		const cfg = config({ direction: 'source_to_target', strategy: 'target_wins' });
		const { state, source, target } = synced({ direction: 'source_to_target' });
		const edit = run(cfg, state, [], [row('r1', { ...target, name: 'Edited in warehouse' }, T1)]);
		expect(edit.writes).toEqual(noWrites);
		expect(edit.skipped).toEqual([{ side: 'target', id: 'r1', reason: 'direction', key: 's:1' }]);
		const both = run(
			cfg,
			state,
			[hs('1', { ...source, name: 'Edited in HubSpot', tags: 'a' }, T2)],
			[row('r1', { ...target, name: 'Edited in warehouse' }, T1)],
		);
		expect(both.writes.target.updates).toEqual([{ key: 's:1', id: 'r1', values: { tags: 'a' } }]);
		expect(both.conflicts[0]).toMatchObject({ field: 'name', winner: 'target' });
	});

	it('sends an archive as a soft delete and a soft delete as an archive; a delete wins over an edit', () => {
		const { cfg, state, source, target } = synced();
		const archived = run(
			cfg,
			state,
			[hs('1', source, T1, true)],
			[row('r1', { ...target, name: 'Edited' }, T2)],
		);
		expect(archived.writes.target.deletes).toEqual([{ key: 's:1', id: 'r1' }]);
		expect(archived.writes.target.updates).toEqual([]);
		expect(archived.conflicts).toEqual([
			{
				key: 's:1',
				field: '$deleted',
				sourceValue: true,
				targetValue: false,
				resolution: 'delete_wins',
				winner: 'source',
			},
		]);
		expect(archived.skipped).toEqual([{ side: 'target', id: 'r1', reason: 'deleted', key: 's:1' }]);
		const tombstone = applyOutcomes(archived, []);
		expect(tombstone[0]).toMatchObject({
			sourceDeleted: true,
			targetDeleted: true,
			awaitingEcho: ['target'],
		});
		// Our soft delete coming back is an echo; later edits of the row are ignored.
		expect(run(cfg, tombstone, [], [row('r1', target, T2, true)]).skipped[0].reason).toBe('echo');
		const softDeleted = run(cfg, state, [], [row('r1', target, T1, true)]);
		expect(softDeleted.writes.source.deletes).toEqual([{ key: 's:1', id: '1' }]);
		// Not sent when the direction does not send that side's changes.
		const oneWay = run(
			config({ direction: 'source_to_target' }),
			state,
			[],
			[row('r1', target, T1, true)],
		);
		expect(oneWay.writes).toEqual(noWrites);
		expect(oneWay.skipped).toEqual([{ side: 'target', id: 'r1', reason: 'direction', key: 's:1' }]);
		expect(applyOutcomes(oneWay, [])[0]).toMatchObject({ targetDeleted: true });
	});

	it('drops a stale re-read and the older of two copies of one record', () => {
		const { cfg, state, source } = synced();
		const stale = run(
			cfg,
			state,
			[hs('1', { ...source, name: 'Old value' }, '2024-04-01T00:00:00Z')],
			[],
		);
		expect(stale.writes).toEqual(noWrites);
		expect(stale.skipped).toEqual([{ side: 'source', id: '1', reason: 'unchanged', key: 's:1' }]);
		expect(stale.nextState).toEqual([]);
		const twice = run(
			cfg,
			state,
			[hs('1', { ...source, name: 'Newest' }, T2), hs('1', { ...source, name: 'Older' }, T1)],
			[],
		);
		expect(twice.writes.target.updates).toEqual([
			{ key: 's:1', id: 'r1', values: { name: 'Newest' } },
		]);
	});

	it('skips an unreadable record as invalid and still syncs the other side of its link', () => {
		const { cfg, state, source, target } = synced();
		const plan = run(
			cfg,
			state,
			[hs('1', { ...source, numberofemployees: 'twelve' }, T1), { id: '', values: {} }],
			[row('r1', { ...target, name: 'Renamed' }, T1)],
		);
		expect(plan.skipped).toEqual([
			{ side: 'source', id: '', reason: 'invalid', message: 'the record has no id' },
			{
				side: 'source',
				id: '1',
				reason: 'invalid',
				message: "numberofemployees: 'twelve' is not a number",
			},
		]);
		expect(plan.writes.source.updates).toEqual([
			{ key: 's:1', id: '1', values: { name: 'Renamed' } },
		]);
		expect(run(cfg, state, [hs('1', source, 'soon')], []).skipped[0]).toMatchObject({
			reason: 'invalid',
			message: expect.stringMatching(/^updatedAt: /),
		});
	});

	it('emits only the rows that changed, and refuses a state that links a record twice', () => {
		const { cfg, state, target } = synced();
		const echo = applyOutcomes(run(cfg, state, [], [row('r1', target, T1)]), []);
		expect(run(cfg, echo, [], [row('r1', target, T1)]).nextState).toEqual([]);
		expect(() => run(cfg, [...state, { ...state[0], key: 't:r1' }], [], [])).toThrow(
			/links source record '1' twice/,
		);
		expect(() => run(cfg, [...state, state[0]], [], [])).toThrow(/two rows for link 's:1'/);
	});
});
