// The per-link row the node keeps in its durable store, and how write outcomes finish it. A row is kept
// small: empty values and false flags are left out, and the target's values are stored only where they
// differ from the source's (usually nowhere, or where a transform such as domain normalization applies).
import { sameValue } from './canonical';
import type { CompiledField } from './fieldMap';
import { readInstant } from './instant';
import type { CanonicalValue, LinkState, Side, SyncPlan, WriteOutcome } from './types';

export const ID_KEY: Readonly<Record<Side, 'sourceId' | 'targetId'>> = {
	source: 'sourceId',
	target: 'targetId',
};
export const VERSION_KEY: Readonly<Record<Side, 'sourceVersion' | 'targetVersion'>> = {
	source: 'sourceVersion',
	target: 'targetVersion',
};
export const DELETED_KEY: Readonly<Record<Side, 'sourceDeleted' | 'targetDeleted'>> = {
	source: 'sourceDeleted',
	target: 'targetDeleted',
};

export function other(side: Side): Side {
	return side === 'source' ? 'target' : 'source';
}

/** The key of a link first seen on `side` as record `id`. */
export function linkKey(side: Side, id: string): string {
	return `${side === 'source' ? 's' : 't'}:${id}`;
}

/** What `side` held for a field after the last sync; a field never synced is null. */
export function baseline(link: LinkState, field: CompiledField, side: Side): CanonicalValue {
	const source = link.lastSynced[field.name] ?? null;
	if (side === 'source') return source;
	const target = link.lastSyncedTarget;
	return target && Object.prototype.hasOwnProperty.call(target, field.name)
		? target[field.name]
		: source;
}

/** Stores both sides' values compactly; fields no longer mapped drop out of the row. */
export function withBaselines(
	link: LinkState,
	fields: CompiledField[],
	values: Record<Side, Record<string, CanonicalValue>>,
): LinkState {
	const lastSynced: Record<string, CanonicalValue> = {};
	const lastSyncedTarget: Record<string, CanonicalValue> = {};
	for (const field of fields) {
		const source = values.source[field.name] ?? null;
		const target = values.target[field.name] ?? null;
		if (source !== null) lastSynced[field.name] = source;
		if (!sameValue(source, target)) lastSyncedTarget[field.name] = target;
	}
	const next: LinkState = { ...link, lastSynced };
	if (Object.keys(lastSyncedTarget).length) next.lastSyncedTarget = lastSyncedTarget;
	else delete next.lastSyncedTarget;
	return next;
}

/** Adds or removes a side in one of the row's side lists, leaving the list out when empty. */
export function withSide(
	link: LinkState,
	key: 'awaitingEcho' | 'filteredOut',
	side: Side,
	present: boolean,
): LinkState {
	const sides = (link[key] ?? []).filter((s) => s !== side);
	if (present) sides.push(side);
	sides.sort();
	const next = { ...link };
	if (sides.length) next[key] = sides;
	else delete next[key];
	return next;
}

export function toIso(value: string | number | Date | undefined): string | undefined {
	if (value === undefined) return undefined;
	const ms = readInstant(value).ms;
	return ms === undefined ? undefined : new Date(ms).toISOString();
}

/**
 * The rows to store once the planned writes were attempted. A link whose writes all succeeded gets its
 * planned row (with created ids and, when given, the written records' updatedAt). A link with a failed
 * write keeps its previous row, marked `retry`, so the next run reads both records again and, finding
 * the same differences against the same baseline, plans the same writes. Outcomes need only list
 * failures and creates: a create without an id counts as failed, since the link could not be completed.
 */
export function applyOutcomes(plan: SyncPlan, outcomes: WriteOutcome[]): LinkState[] {
	const planned = new Map<string, { side: Side; create: boolean }[]>();
	for (const side of ['source', 'target'] as const) {
		const writes = plan.writes[side];
		const add = (key: string, create: boolean) =>
			planned.set(key, [...(planned.get(key) ?? []), { side, create }]);
		writes.creates.forEach((w) => add(w.key, true));
		writes.updates.forEach((w) => add(w.key, false));
		writes.deletes.forEach((w) => add(w.key, false));
	}
	const byWrite = new Map<string, WriteOutcome>();
	for (const outcome of outcomes) {
		const writes = planned.get(outcome.key) ?? [];
		if (!writes.some((w) => w.side === outcome.side))
			throw new Error(
				`No ${outcome.side} write was planned for link '${outcome.key}': report outcomes only for the plan's writes.`,
			);
		byWrite.set(`${outcome.side} ${outcome.key}`, outcome);
	}

	return plan.nextState.map((row) => {
		const writes = planned.get(row.key);
		if (!writes) return row;
		let next: LinkState = { ...row };
		for (const write of writes) {
			const outcome = byWrite.get(`${write.side} ${row.key}`);
			if (outcome?.ok === false || (write.create && !outcome?.id)) return plan.onFailure[row.key];
			if (outcome?.ok !== true) continue;
			if (write.create) next = { ...next, [ID_KEY[write.side]]: outcome.id };
			const version = toIso(outcome.updatedAt);
			if (version !== undefined) next = { ...next, [VERSION_KEY[write.side]]: version };
		}
		return next;
	});
}
