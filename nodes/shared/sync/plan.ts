// The engine: both sides' changes since the last run plus the link rows → the writes for each side, the
// conflicts and how each was resolved, the skipped records, and the rows to store afterwards. Pure: the
// node reads the records and state, performs the writes, and reports outcomes to applyOutcomes().
import { decodeValue, encodeForSource, encodeForTarget, sameValue } from './canonical';
import { compileSyncConfig, type CompiledConfig } from './fieldMap';
import { passesFilter } from './filters';
import { byId, matchKeyOf, pairByKey } from './match';
import { decideField, valuesAgree } from './resolve';
import {
	DELETED_KEY,
	ID_KEY,
	VERSION_KEY,
	baseline,
	linkKey,
	other,
	withBaselines,
	withSide,
} from './state';
import { readInstant } from './instant';
import type {
	CanonicalValue,
	JsonValue,
	LinkState,
	Side,
	SideRecord,
	SideWrites,
	Skip,
	SkipReason,
	SyncConfig,
	SyncInput,
	SyncPlan,
} from './types';

/** Names the conflict of a delete on one side against an edit on the other. */
export const DELETE_CONFLICT = '$deleted';

const SIDES: readonly Side[] = ['source', 'target'];

interface ReadRecord {
	side: Side;
	id: string;
	raw: SideRecord;
	/** Canonical value of every mapped field by field name (empty for a deleted record). */
	values: Record<string, CanonicalValue>;
	/** updatedAt in epoch ms; -Infinity when the record has none. */
	time: number;
	version?: string;
	deleted: boolean;
}

/** Which sides a link's run writes to, and its row afterwards when that differs from the running one. */
type LinkOutcome = Partial<Record<Side, boolean>> & { next?: LinkState };

interface WorkItem {
	link: LinkState;
	isNew: boolean;
	source?: ReadRecord;
	target?: ReadRecord;
}

function timeOf(record: SideRecord): number {
	if (record.updatedAt === undefined || record.updatedAt === null) return -Infinity;
	return readInstant(record.updatedAt).ms ?? -Infinity;
}

/**
 * Reads one side's records: one per id (the latest updatedAt; on a tie, the later one in the list), each
 * mapped field decoded to its canonical value. A record that cannot be read is skipped as invalid as a
 * whole: syncing part of it would write half a change.
 */
function readSide(
	config: CompiledConfig,
	side: Side,
	records: SideRecord[],
	skipped: Skip[],
): ReadRecord[] {
	const latest = new Map<string, { raw: SideRecord; time: number }>();
	for (const record of records ?? []) {
		const rawId: unknown = record?.id;
		const id = typeof rawId === 'number' ? String(rawId) : rawId;
		if (typeof id !== 'string' || id === '') {
			skipped.push({
				side,
				id: String(rawId ?? ''),
				reason: 'invalid',
				message: 'the record has no id',
			});
			continue;
		}
		const time = timeOf(record);
		const seen = latest.get(id);
		if (!seen || time >= seen.time) latest.set(id, { raw: record, time });
	}

	const read: ReadRecord[] = [];
	for (const [id, { raw, time }] of latest) {
		const invalid = (message: string) => skipped.push({ side, id, reason: 'invalid', message });
		let version: string | undefined;
		if (raw.updatedAt !== undefined && raw.updatedAt !== null) {
			const parsed = readInstant(raw.updatedAt);
			if (parsed.error !== undefined) {
				invalid(`updatedAt: ${parsed.error}`);
				continue;
			}
			version = new Date(parsed.ms).toISOString();
		}
		const deleted = raw.deleted === true;
		const values: Record<string, CanonicalValue> = {};
		let error: string | undefined;
		// A deleted record's values are never used, so a bad one must not block the delete.
		for (const field of deleted ? [] : config.fields) {
			const name = field[side];
			const decoded = decodeValue(field, raw.values?.[name]);
			if (decoded.error !== undefined) {
				error = `${name}: ${decoded.error}`;
				break;
			}
			values[field.name] = decoded.value;
		}
		if (error !== undefined) {
			invalid(error);
			continue;
		}
		read.push({ side, id, raw, values, time, version, deleted });
	}
	return read;
}

function indexState(
	state: LinkState[],
): Record<Side, Map<string, LinkState>> & { keys: Set<string> } {
	const index = {
		source: new Map<string, LinkState>(),
		target: new Map<string, LinkState>(),
		keys: new Set<string>(),
	};
	for (const link of state ?? []) {
		if (index.keys.has(link.key))
			throw new Error(`The sync state has two rows for link '${link.key}': keep one of them.`);
		index.keys.add(link.key);
		for (const side of SIDES) {
			const id = link[ID_KEY[side]];
			if (id === undefined) continue;
			const taken = index[side].get(id);
			if (taken)
				throw new Error(
					`The sync state links ${side} record '${id}' twice (links '${taken.key}' and '${link.key}'): keep one of them.`,
				);
			index[side].set(id, link);
		}
	}
	return index;
}

/** Whether two rows hold the same JSON, whatever the order of their keys (a store may reorder them). */
function sameRow(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const aKeys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
	const bKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
	return (
		aKeys.length === bKeys.length &&
		aKeys.every((k) =>
			sameRow((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
		)
	);
}

class Planner {
	readonly plan: SyncPlan = {
		writes: {
			source: { creates: [], updates: [], deletes: [] },
			target: { creates: [], updates: [], deletes: [] },
		},
		conflicts: [],
		skipped: [],
		nextState: [],
		onFailure: {},
	};

	constructor(readonly config: CompiledConfig) {}

	skip(record: ReadRecord, reason: SkipReason, key: string) {
		this.plan.skipped.push({ side: record.side, id: record.id, reason, key });
	}

	run(input: SyncInput): SyncPlan {
		const index = indexState(input.state);
		const read = {
			source: readSide(this.config, 'source', input.source, this.plan.skipped),
			target: readSide(this.config, 'target', input.target, this.plan.skipped),
		};
		const work = new Map<string, WorkItem>();
		const unlinked: Record<Side, ReadRecord[]> = { source: [], target: [] };
		for (const side of SIDES) {
			for (const record of read[side]) {
				const link = index[side].get(record.id);
				if (!link) {
					unlinked[side].push(record);
					continue;
				}
				const item = work.get(link.key) ?? { link, isNew: false };
				item[side] = record;
				work.set(link.key, item);
			}
		}
		this.linkNew(unlinked, work, index.keys);
		for (const key of [...work.keys()].sort()) this.syncLink(work.get(key) as WorkItem);

		const byKey = (a: { key: string }, b: { key: string }) =>
			a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
		for (const side of SIDES) {
			const writes = this.plan.writes[side];
			writes.creates.sort(byKey);
			writes.updates.sort(byKey);
			writes.deletes.sort(byKey);
		}
		this.plan.skipped.sort((a, b) =>
			a.side !== b.side ? (a.side === 'source' ? -1 : 1) : byId(a, b),
		);
		return this.plan;
	}

	private matchKey(record: ReadRecord): string | undefined {
		const match = this.config.match;
		return match ? matchKeyOf(match, record.values[match.field.name] ?? null) : undefined;
	}

	/** Records without a link: paired by match key, else new links to create, else skipped. */
	private linkNew(
		unlinked: Record<Side, ReadRecord[]>,
		work: Map<string, WorkItem>,
		keys: Set<string>,
	) {
		const add = (link: LinkState, item: Omit<WorkItem, 'link' | 'isNew'>) => {
			if (keys.has(link.key))
				throw new Error(
					`The sync state already has a link '${link.key}' for another record: remove that row.`,
				);
			keys.add(link.key);
			work.set(link.key, { link, isNew: true, ...item });
		};
		const paired = new Set<ReadRecord>();
		if (this.config.match) {
			// Deleted records are not matched: a delete needs no counterpart, and linking one would
			// propagate the delete to a record that was never synced.
			const live = (side: Side) => unlinked[side].filter((r) => !r.deleted);
			for (const pair of pairByKey(live('source'), live('target'), (r) => this.matchKey(r))) {
				paired.add(pair.source).add(pair.target);
				add(
					{
						key: linkKey('source', pair.source.id),
						sourceId: pair.source.id,
						targetId: pair.target.id,
						matchKey: pair.key,
						lastSynced: {},
					},
					{ source: pair.source, target: pair.target },
				);
			}
		}
		for (const side of SIDES) {
			for (const record of unlinked[side]) {
				if (paired.has(record)) continue;
				const key = linkKey(side, record.id);
				if (record.deleted) this.skip(record, 'deleted', key);
				else if (!this.config.sends[side]) this.skip(record, 'direction', key);
				else if (!passesFilter(this.config.filters[side], record.raw.values ?? {}))
					this.skip(record, 'filtered', key);
				else {
					const link: LinkState = { key, [ID_KEY[side]]: record.id, lastSynced: {} };
					const matchKey = this.matchKey(record);
					if (matchKey !== undefined) link.matchKey = matchKey;
					add(link, { [side]: record });
				}
			}
		}
	}

	private syncLink(item: WorkItem) {
		const before = item.link;
		const key = before.key;
		let next: LinkState = { ...before };
		delete next.retry;

		const present: Partial<Record<Side, ReadRecord>> = {};
		for (const side of SIDES) {
			const record = item[side];
			if (!record) continue;
			// A re-read older than what we already saw or wrote (an overlapping fetch window, a
			// re-delivery) carries nothing new and must not undo a newer state.
			const version = before[VERSION_KEY[side]];
			const stale =
				version !== undefined &&
				record.version !== undefined &&
				record.time < (readInstant(version).ms ?? -Infinity);
			if (stale) {
				this.skip(record, 'unchanged', key);
				continue;
			}
			present[side] = record;
		}
		if (!present.source && !present.target) return;

		const awaiting: Record<Side, boolean> = { source: false, target: false };
		for (const side of SIDES) {
			const record = present[side];
			if (!record) continue;
			awaiting[side] = (before.awaitingEcho ?? []).includes(side);
			next = withSide(next, 'awaitingEcho', side, false);
			if (record.version !== undefined) next[VERSION_KEY[side]] = record.version;
			if (record.deleted) next[DELETED_KEY[side]] = true;
		}

		const wrote =
			before.sourceDeleted || before.targetDeleted
				? this.inert(before, present, awaiting)
				: present.source?.deleted || present.target?.deleted
					? this.deleteLink(before, present, awaiting, next)
					: this.syncFields(item, present, awaiting, next);
		next = wrote.next ?? next;

		if (wrote.source || wrote.target) this.plan.onFailure[key] = { ...before, retry: true };
		if (item.isNew || !sameRow(next, before)) this.plan.nextState.push(next);
	}

	/** A link deleted on either side no longer syncs; what arrives for it is only recorded. */
	private inert(
		before: LinkState,
		present: Partial<Record<Side, ReadRecord>>,
		awaiting: Record<Side, boolean>,
	): LinkOutcome {
		for (const side of SIDES) {
			const record = present[side];
			if (record) this.skip(record, awaiting[side] ? 'echo' : 'deleted', before.key);
		}
		return {};
	}

	/**
	 * A delete on one side is sent as a delete to the other (if the direction sends that side's changes)
	 * and wins over an edit on the other side, whatever the strategy: HubSpot's API cannot restore an
	 * archived company, so "the edit wins" could only mean creating a duplicate.
	 */
	private deleteLink(
		before: LinkState,
		present: Partial<Record<Side, ReadRecord>>,
		awaiting: Record<Side, boolean>,
		next: LinkState,
	): LinkOutcome {
		const key = before.key;
		if (present.source?.deleted && present.target?.deleted) {
			for (const side of SIDES) this.skip(present[side] as ReadRecord, 'deleted', key);
			return {};
		}
		const deleter: Side = present.source?.deleted ? 'source' : 'target';
		const survivor = other(deleter);
		const survivorRecord = present[survivor];
		if (survivorRecord) {
			const edited = this.config.fields.some(
				(field) =>
					!sameValue(survivorRecord.values[field.name] ?? null, baseline(before, field, survivor)),
			);
			if (edited)
				this.plan.conflicts.push({
					key,
					field: DELETE_CONFLICT,
					sourceValue: deleter === 'source',
					targetValue: deleter === 'target',
					resolution: 'delete_wins',
					winner: deleter,
				});
			this.skip(
				survivorRecord,
				edited ? 'deleted' : awaiting[survivor] ? 'echo' : 'unchanged',
				key,
			);
		}
		const survivorId = before[ID_KEY[survivor]];
		if (!this.config.sends[deleter] || survivorId === undefined) {
			this.skip(
				present[deleter] as ReadRecord,
				this.config.sends[deleter] ? 'deleted' : 'direction',
				key,
			);
			return {};
		}
		this.plan.writes[survivor].deletes.push({ key, id: survivorId });
		return {
			[survivor]: true,
			next: withSide({ ...next, [DELETED_KEY[survivor]]: true }, 'awaitingEcho', survivor, true),
		};
	}

	private syncFields(
		item: WorkItem,
		present: Partial<Record<Side, ReadRecord>>,
		awaiting: Record<Side, boolean>,
		start: LinkState,
	): LinkOutcome {
		const { config } = this;
		const before = item.link;
		const key = before.key;
		const source = present.source;
		const target = present.target;
		let next = start;

		// An absent record did not change, so its filter verdict is irrelevant this run.
		const passes: Record<Side, boolean> = {
			source: source ? passesFilter(config.filters.source, source.raw.values ?? {}) : true,
			target: target ? passesFilter(config.filters.target, target.raw.values ?? {}) : true,
		};
		const flows: Record<Side, boolean> = {
			source: config.sends.source && passes.source,
			target: config.sends.target && passes.target,
		};
		// A record that passes its filter again after failing it is sent in full: every field on which
		// the sides disagree counts as changed on it, so what it changed while filtered out arrives now.
		const resync: Record<Side, boolean> = { source: false, target: false };
		for (const side of SIDES) {
			if (!present[side]) continue;
			resync[side] = passes[side] && (before.filteredOut ?? []).includes(side);
			next = withSide(next, 'filteredOut', side, !passes[side]);
		}

		const after: Record<Side, Record<string, CanonicalValue>> = { source: {}, target: {} };
		const changes = {
			source: {} as Record<string, string>,
			target: {} as Record<string, JsonValue>,
		};
		const changed = { source: false, target: false };
		const contributed = { source: false, target: false };
		const lost = { source: false, target: false };
		for (const field of config.fields) {
			const baseSource = baseline(before, field, 'source');
			const baseTarget = baseline(before, field, 'target');
			const current = {
				source: source ? (source.values[field.name] ?? null) : baseSource,
				target: target ? (target.values[field.name] ?? null) : baseTarget,
			};
			const changedOn = (side: Side, base: CanonicalValue) =>
				present[side] !== undefined &&
				(!sameValue(current[side], base) ||
					(resync[side] && !valuesAgree(field, current.source, current.target)));
			const decision = decideField(field, config.strategy, {
				source: current.source,
				target: current.target,
				baseSource,
				baseTarget,
				sourceChanged: changedOn('source', baseSource),
				targetChanged: changedOn('target', baseTarget),
				sourceFlows: flows.source,
				targetFlows: flows.target,
				sourceTime: source?.time ?? -Infinity,
				targetTime: target?.time ?? -Infinity,
			});
			after.source[field.name] = decision.source;
			after.target[field.name] = decision.target;
			const written = {
				source: !sameValue(decision.source, current.source),
				target: !sameValue(decision.target, current.target),
			};
			if (written.source) changes.source[field.source] = encodeForSource(field, decision.source);
			if (written.target) changes.target[field.target] = encodeForTarget(field, decision.target);
			for (const side of SIDES) {
				if (!changedOn(side, side === 'source' ? baseSource : baseTarget)) continue;
				changed[side] = true;
				if (written[other(side)]) contributed[side] = true;
				else if (decision.conflict?.winner === other(side)) lost[side] = true;
			}
			if (decision.conflict)
				this.plan.conflicts.push({
					key,
					field: field.name,
					sourceValue: current.source,
					targetValue: current.target,
					...decision.conflict,
				});
		}

		const wrote: Record<Side, boolean> = { source: false, target: false };
		for (const side of SIDES) {
			const id = before[ID_KEY[side]];
			const from = other(side);
			const values = changes[side];
			// Source writes hold strings only (encodeForSource); the union is TypeScript's, not the data's.
			const writes = this.plan.writes[side] as SideWrites<JsonValue>;
			if (id === undefined) {
				// No record on this side yet: its origin is created there, if it may flow.
				if (!present[from] || !flows[from]) continue;
				writes.creates.push({ key, values });
				contributed[from] = true;
				wrote[side] = true;
			} else if (Object.keys(values).length) {
				writes.updates.push({ key, id, values });
				wrote[side] = true;
			}
		}
		for (const side of SIDES) if (wrote[side]) next = withSide(next, 'awaitingEcho', side, true);
		next = withBaselines(next, config.fields, after);

		for (const side of SIDES) {
			const record = present[side];
			if (!record || contributed[side]) continue;
			let reason: SkipReason;
			if (!changed[side]) reason = awaiting[side] ? 'echo' : 'unchanged';
			else if (!config.sends[side]) reason = 'direction';
			else if (!passes[side]) reason = 'filtered';
			else reason = lost[side] ? 'conflict' : 'unchanged';
			this.skip(record, reason, key);
		}
		return { ...wrote, next };
	}
}

/**
 * Plans one sync run. Validates the configuration first (throwing SyncConfigError before anything is
 * planned), then decides every linked pair field by field. See index.ts for the rules.
 */
export function planSync(config: SyncConfig, input: SyncInput): SyncPlan {
	return new Planner(compileSyncConfig(config)).run(input);
}
