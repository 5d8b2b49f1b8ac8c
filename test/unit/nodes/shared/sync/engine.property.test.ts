// The engine against the independent oracle over seeded, randomized runs: 2,000 companies on each side,
// then rounds of people editing (5 % on each side, 1 % on both — same field and different fields),
// deleting (0.5 %) and creating (1 % on each side), with re-reads and stale copies mixed in. Every run,
// engine and oracle must plan the same writes, conflicts and skips; after the writes land, a run over
// just the echoes must write nothing; and a bidirectional sync must leave every live pair agreeing.
import {
	applyOutcomes,
	planSync,
	type Direction,
	type LinkState,
	type SideRecord,
	type Strategy,
	type SyncPlan,
} from '../../../../../nodes/shared/sync';
import { Oracle, type OracleResult } from './oracle';
import { PROPERTY_FIELDS, World, propertyConfig } from './scenario';

const ROUNDS = 2;

function populate(world: World, companies: number): void {
	for (let i = 0; i < companies; i++) {
		const domain = world.freshDomain();
		const company = world.sourceCompany(domain);
		world.add('source', company);
		// 95 % were loaded into the warehouse earlier; the warehouse has as many of its own.
		world.add(
			'target',
			i < companies * 0.95 ? world.copyToTarget(company) : world.targetRow(world.freshDomain()),
		);
	}
}

type Side = 'source' | 'target';
const SOURCE_FIELDS = [...PROPERTY_FIELDS.map((f) => f.source), 'hs_lead_status'];
const TARGET_FIELDS = [...PROPERTY_FIELDS.map((f) => f.target), 'region'];

function editValues(world: World, side: Side, fields: string[]): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	const domain = world.freshDomain();
	for (const field of fields)
		values[field] =
			side === 'source' ? world.sourceValue(field, domain) : world.targetValue(field, domain);
	return values;
}

function someFields(world: World, side: Side): string[] {
	const all = side === 'source' ? SOURCE_FIELDS : TARGET_FIELDS;
	return [...new Set(Array.from({ length: 1 + world.int(3) }, () => world.pick(all)))];
}

/** One round of what people do between two runs; returns the extra re-reads (overlap and stale). */
function mutate(
	world: World,
	state: LinkState[],
	companies: number,
): { source: SideRecord[]; target: SideRecord[] } {
	const live = (side: Side) =>
		[...(side === 'source' ? world.source : world.target).values()]
			.filter((r) => !r.deleted)
			.map((r) => r.id);
	const percent = (p: number) => Math.max(1, Math.round((companies * p) / 100));
	for (const side of ['source', 'target'] as Side[]) {
		const ids = live(side);
		for (let i = 0; i < percent(5); i++) {
			const id = world.pick(ids);
			world.edit(side, id, editValues(world, side, someFields(world, side)));
		}
	}
	const pairs = () =>
		state.filter((l) => l.sourceId && l.targetId && !l.sourceDeleted && !l.targetDeleted);
	const linked = pairs();
	for (let i = 0; i < percent(1); i++) {
		const link = world.pick(linked);
		const field = world.pick(PROPERTY_FIELDS);
		const other = world.chance(0.5)
			? field
			: world.pick(PROPERTY_FIELDS.filter((f) => f !== field));
		// A fifth of the double edits share one updatedAt: the last_write_wins tie rule.
		const tie = world.chance(0.2) ? world.tick() : undefined;
		world.edit('source', link.sourceId as string, editValues(world, 'source', [field.source]), tie);
		world.edit('target', link.targetId as string, editValues(world, 'target', [other.target]), tie);
	}
	for (let i = 0; i < percent(0.5); i++) {
		const link = world.pick(linked);
		const side: Side = world.chance(0.5) ? 'source' : 'target';
		const id = side === 'source' ? link.sourceId : link.targetId;
		const otherId = side === 'source' ? link.targetId : link.sourceId;
		if (world[side].get(id as string)?.deleted) continue;
		world.remove(side, id as string);
		// A delete on one side against an edit on the other.
		if (world.chance(0.4)) {
			const otherSide: Side = side === 'source' ? 'target' : 'source';
			if (!world[otherSide].get(otherId as string)?.deleted)
				world.edit(
					otherSide,
					otherId as string,
					editValues(world, otherSide, someFields(world, otherSide)),
				);
		}
	}
	for (let i = 0; i < percent(1); i++) {
		const domain = world.freshDomain();
		world.add('source', world.sourceCompany(domain));
		// A quarter of the new companies appear on both sides at once: matched, not duplicated.
		world.add('target', world.targetRow(world.chance(0.25) ? domain : world.freshDomain()));
	}
	// Unreadable values.
	for (let i = 0; i < 3; i++)
		world.edit('source', world.pick(live('source')), { numberofemployees: 'n/a' });

	// Re-reads of untouched linked records: as they are (an overlapping fetch window), and older copies
	// with other values (a late re-delivery), which must change nothing.
	const extra = { source: [] as SideRecord[], target: [] as SideRecord[] };
	const quiet = pairs().filter(
		(l) =>
			!world.isTouched('source', l.sourceId as string) &&
			!world.isTouched('target', l.targetId as string),
	);
	for (let i = 0; i < percent(1); i++) {
		const link = world.pick(quiet);
		const side: Side = world.chance(0.5) ? 'source' : 'target';
		const record = world.record(
			side,
			(side === 'source' ? link.sourceId : link.targetId) as string,
		);
		if (world.chance(0.2)) {
			record.updatedAt = new Date(Date.parse(record.updatedAt as string) - 5000).toISOString();
			record.values.name = 'stale copy';
		}
		extra[side].push(record);
	}
	return extra;
}

function upsert(state: LinkState[], rows: LinkState[]): LinkState[] {
	const byKey = new Map(state.map((row) => [row.key, row]));
	// Through JSON, as a Data Table or PostgreSQL row would store it.
	for (const row of JSON.parse(JSON.stringify(rows)) as LinkState[]) byKey.set(row.key, row);
	return [...byKey.values()];
}

function comparable(result: SyncPlan | OracleResult) {
	return {
		writes: result.writes,
		conflicts: result.conflicts,
		skipped: result.skipped.map(({ side, id, reason, key }) => ({
			side,
			id,
			reason,
			...(key ? { key } : {}),
		})),
	};
}

function writeCount(result: SyncPlan | OracleResult): number {
	return (['source', 'target'] as const).reduce(
		(n, side) =>
			n +
			result.writes[side].creates.length +
			result.writes[side].updates.length +
			result.writes[side].deletes.length,
		0,
	);
}

// Every strategy at full size; the one-way directions (whose rules are few) on a smaller population.
const CASES: Array<[Strategy, Direction, number, number]> = [
	['last_write_wins', 'bidirectional', 2000, 1],
	['source_wins', 'bidirectional', 2000, 2],
	['target_wins', 'bidirectional', 2000, 3],
	['merge', 'bidirectional', 2000, 4],
	['target_wins', 'source_to_target', 500, 5],
	['source_wins', 'target_to_source', 500, 6],
];

describe('sync engine against the oracle', () => {
	it.each(CASES)('%s, %s, %i companies (seed %i)', (strategy, direction, companies, seed) => {
		const config = propertyConfig(strategy, direction);
		const world = new World(seed);
		const oracle = new Oracle(config);
		let state: LinkState[] = [];
		populate(world, companies);
		const totals = {
			writes: 0,
			echoes: 0,
			skips: new Map<string, number>(),
			/** Conflicts of the rounds after the first sync, by resolution. */
			resolutions: new Map<string, number>(),
		};

		for (let round = 0; round <= ROUNDS; round++) {
			const extra = round === 0 ? { source: [], target: [] } : mutate(world, state, companies);
			const changes = world.changes();
			changes.source.push(...extra.source);
			changes.target.push(...extra.target);

			const expected = oracle.run(changes.source, changes.target);
			const plan = planSync(config, { ...changes, state });
			expect(comparable(plan)).toEqual(comparable(expected));
			totals.writes += writeCount(plan);
			if (round > 0)
				for (const c of plan.conflicts)
					totals.resolutions.set(c.resolution, (totals.resolutions.get(c.resolution) ?? 0) + 1);
			for (const s of plan.skipped)
				totals.skips.set(s.reason, (totals.skips.get(s.reason) ?? 0) + 1);

			const outcomes = world.apply(plan);
			state = upsert(state, applyOutcomes(plan, outcomes));
			const created = new Map<string, string>();
			for (const o of outcomes) if (o.ok && o.id) created.set(`${o.side} ${o.key}`, o.id);
			oracle.commit(created);
			for (const o of outcomes)
				if (o.ok) oracle.noteVersion(o.side, o.key, Date.parse(o.updatedAt as string));

			// Only our own writes come back: nothing to write (the echo goal is 0).
			const echoes = world.changes();
			const echoExpected = oracle.run(echoes.source, echoes.target);
			const echoPlan = planSync(config, { ...echoes, state });
			expect(writeCount(echoPlan)).toBe(0);
			expect(comparable(echoPlan)).toEqual(comparable(echoExpected));
			// A record still unreadable after our write to another of its fields stays invalid.
			expect(echoPlan.skipped.filter((s) => s.reason !== 'echo' && s.reason !== 'invalid')).toEqual(
				[],
			);
			totals.echoes += echoPlan.skipped.length;
			state = upsert(state, applyOutcomes(echoPlan, []));
			oracle.commit(new Map());
		}
		if (direction === 'bidirectional')
			expect(oracle.disagreements(world.all('source'), world.all('target'))).toEqual([]);

		// The scenario exercised what it claims to.
		expect(totals.writes).toBeGreaterThan(companies / 10);
		// Every record we wrote came back once, and was skipped.
		expect(totals.echoes).toBe(totals.writes);
		if (direction === 'bidirectional') {
			expect(totals.resolutions.get(strategy)).toBeGreaterThan(5);
			expect(totals.resolutions.get('delete_wins')).toBeGreaterThan(0);
			for (const reason of ['unchanged', 'filtered', 'deleted', 'invalid', 'conflict'])
				expect([reason, totals.skips.get(reason)]).toEqual([reason, expect.any(Number)]);
		} else expect(totals.skips.get('direction')).toBeGreaterThan(0);
		const bytes = JSON.stringify(state).length / state.length;
		expect(bytes).toBeLessThan(700);
	});
});

describe('refused writes', () => {
	it('are retried from the kept state until both sides agree, then nothing is written', () => {
		const config = propertyConfig('last_write_wins');
		const world = new World(11);
		const judge = new Oracle(config);
		let state: LinkState[] = [];
		populate(world, 1000);
		let refused = 0;
		const run = (failRate: number) => {
			// The node reads again both records of every link whose last write failed.
			const retry = state.filter((l) => l.retry);
			const changes = world.changes({
				source: retry.map((l) => l.sourceId).filter((id): id is string => id !== undefined),
				target: retry.map((l) => l.targetId).filter((id): id is string => id !== undefined),
			});
			const plan = planSync(config, { ...changes, state });
			const outcomes = world.apply(plan, () => world.chance(failRate));
			refused += outcomes.filter((o) => !o.ok).length;
			state = upsert(state, applyOutcomes(plan, outcomes));
			return writeCount(plan);
		};
		for (let round = 0; round < 3; round++) {
			// People's edits only; the overlap and stale re-reads are the other test's business.
			if (round > 0) mutate(world, state, 1000);
			run(0.15);
		}
		expect(refused).toBeGreaterThan(30);
		// Failures stop: the retries go through, their echoes come back, and then there is nothing left.
		let writes = Infinity;
		for (let i = 0; i < 6 && writes > 0; i++) writes = run(0);
		expect(writes).toBe(0);
		expect(state.filter((l) => l.retry)).toEqual([]);

		const source = world.all('source');
		const target = world.all('target');
		const disagreements = state
			.filter((l) => l.sourceId && l.targetId && !l.sourceDeleted && !l.targetDeleted)
			.flatMap((l) =>
				judge.pairDisagreements(
					l.key,
					source.get(l.sourceId as string) as SideRecord,
					target.get(l.targetId as string) as SideRecord,
				),
			);
		expect(disagreements).toEqual([]);
		// Every live company exists on both sides exactly once (no duplicate from a retried create).
		const linkedTargets = new Set(state.map((l) => l.targetId));
		expect(new Set(state.map((l) => l.sourceId)).size).toBe(state.filter((l) => l.sourceId).length);
		expect(linkedTargets.size).toBe(state.filter((l) => l.targetId).length);
	});
});
