// One field of one linked pair: given what each side holds now and held at the last sync, what each side
// should hold after this run. Deciding per field (not per record) is what lets two people edit different
// fields of one company on either side and both keep their edit.
import { crossValue, fromItems, listItems, sameValue } from './canonical';
import type { CompiledField } from './fieldMap';
import type { CanonicalValue, Side, Strategy, Resolution } from './types';

export interface FieldSituation {
	source: CanonicalValue;
	target: CanonicalValue;
	/** What each side held after the last sync. */
	baseSource: CanonicalValue;
	baseTarget: CanonicalValue;
	sourceChanged: boolean;
	targetChanged: boolean;
	/** May the source's value be written to the target (direction and filter allow it), and vice versa. */
	sourceFlows: boolean;
	targetFlows: boolean;
	/** Each record's updatedAt (epoch ms, -Infinity when unknown), for last_write_wins. */
	sourceTime: number;
	targetTime: number;
}

export interface FieldDecision {
	/** What each side holds after the run (equal to its current value when nothing is written there). */
	source: CanonicalValue;
	target: CanonicalValue;
	conflict?: { resolution: Resolution; winner: Side | 'merged' };
}

/** The two sides already say the same thing: writing either one's value to the other changes nothing. */
export function valuesAgree(
	field: CompiledField,
	source: CanonicalValue,
	target: CanonicalValue,
): boolean {
	return (
		sameValue(crossValue(field, source, 'target'), target) ||
		sameValue(crossValue(field, target, 'source'), source)
	);
}

/** Ties go to the source: HubSpot is the system people edit, and a fixed rule keeps runs reproducible. */
export function lastWriter(sourceTime: number, targetTime: number): Side {
	return targetTime > sourceTime ? 'target' : 'source';
}

/**
 * Three-way set merge: an item survives when both sides have it, or when one side added it since the
 * last sync. So additions on either side are kept and a removal on either side sticks (a plain union
 * would bring removed items back). Undefined when a value is not a list.
 */
export function mergeSets(field: CompiledField, s: FieldSituation): CanonicalValue | undefined {
	const source = listItems(field, s.source);
	const target = listItems(field, s.target);
	if (!source || !target) return undefined;
	const baseSource = new Set(listItems(field, s.baseSource) ?? []);
	const baseTarget = new Set(listItems(field, s.baseTarget) ?? []);
	const inSource = new Set(source);
	const inTarget = new Set(target);
	const kept = [...source, ...target].filter(
		(item) =>
			(inSource.has(item) && inTarget.has(item)) ||
			(inSource.has(item) && !baseSource.has(item)) ||
			(inTarget.has(item) && !baseTarget.has(item)),
	);
	return fromItems(field, kept);
}

function winnerTakes(field: CompiledField, s: FieldSituation, winner: Side): FieldDecision {
	// A winner whose value may not flow (direction, filter) leaves both sides as they are.
	if (winner === 'source')
		return {
			source: s.source,
			target: s.sourceFlows ? crossValue(field, s.source, 'target') : s.target,
		};
	return {
		source: s.targetFlows ? crossValue(field, s.target, 'source') : s.source,
		target: s.target,
	};
}

export function decideField(
	field: CompiledField,
	strategy: Strategy,
	s: FieldSituation,
): FieldDecision {
	const unchanged = { source: s.source, target: s.target };
	if (!s.sourceChanged && !s.targetChanged) return unchanged;
	if (!s.targetChanged) return winnerTakes(field, s, 'source');
	if (!s.sourceChanged) return winnerTakes(field, s, 'target');
	// Both changed, to the same thing: nothing to write, nothing to report.
	if (valuesAgree(field, s.source, s.target)) return unchanged;

	if (strategy === 'merge' && field.merge) {
		const merged = mergeSets(field, s);
		if (merged !== undefined)
			return {
				source: s.targetFlows ? merged : s.source,
				target: s.sourceFlows ? merged : s.target,
				conflict: { resolution: 'merge', winner: 'merged' },
			};
	}
	if (strategy === 'source_wins' || strategy === 'target_wins') {
		const winner = strategy === 'source_wins' ? 'source' : 'target';
		return { ...winnerTakes(field, s, winner), conflict: { resolution: strategy, winner } };
	}
	// last_write_wins, and merge for fields that are not (or not holding) lists.
	const winner = lastWriter(s.sourceTime, s.targetTime);
	return {
		...winnerTakes(field, s, winner),
		conflict: { resolution: 'last_write_wins', winner },
	};
}
