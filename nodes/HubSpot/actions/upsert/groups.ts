// Items → one write per record. Rows naming the same record (same domain, same email) are merged
// so a batch never names a record twice; each row still gets its own output item.
import {
	groupRowsByKey,
	mergeRows,
	planWrite,
	type ExistingValues,
	type KeyOutcome,
	type UpdatePolicy,
	type WritePlan,
} from '../../../shared/upsert';
import { propertyReader, rowTimestampReader } from '../common/itemProperties';
import { runParameter } from '../common/parameters';
import type { Run } from '../common/run';

export interface WriteGroup {
	key: string;
	rows: number[];
	desired: Record<string, unknown>;
	/** The latest row timestamp of the group (last write wins). */
	rowTimestamp?: number;
}

/** keyOf's answer for an item that already has its output (e.g. its lookup call failed). */
export const ANSWERED = { reason: 'answered', code: 'ANSWERED' } as const;

/** `keyOf` reads an item's record key from its parameters (domain, email, id…); see itemParameter. */
export async function collectGroups(
	run: Run,
	keyOf: (index: number) => KeyOutcome,
): Promise<WriteGroup[]> {
	const readProperties = await propertyReader(run);
	const rowTimestamp = rowTimestampReader(run);
	const desired: Array<Record<string, unknown>> = [];
	const stamps: Array<number | undefined> = [];
	const outcomes = run.items.map((_, index): KeyOutcome => {
		try {
			desired[index] = readProperties(index);
			stamps[index] = rowTimestamp(index);
			return keyOf(index);
		} catch (error) {
			return { reason: (error as Error).message, code: 'INVALID_INPUT' };
		}
	});
	const { groups, rejected } = groupRowsByKey(outcomes);
	for (const { index, reason, code } of rejected)
		if (code !== ANSWERED.code) run.out.fail(index, { message: reason, category: code });
	return [...groups].map(([key, rows]) => {
		const times = rows.map((row) => stamps[row]).filter((t): t is number => t !== undefined);
		return {
			key,
			rows,
			desired: mergeRows(rows.map((row) => desired[row])),
			...(times.length ? { rowTimestamp: Math.max(...times) } : {}),
		};
	});
}

export function updatePolicy(run: Run): UpdatePolicy {
	return runParameter<UpdatePolicy>(run, 'updatePolicy', 'overwrite');
}

/** Existing values are needed to apply a policy other than overwrite, and to report a dry run. */
export function needsExisting(run: Run): boolean {
	return run.options.dryRun || updatePolicy(run) !== 'overwrite';
}

export function planGroup(
	run: Run,
	group: WriteGroup,
	existing: ExistingValues | undefined,
): WritePlan {
	return planWrite(group.desired, existing, {
		policy: updatePolicy(run),
		sendEmpty: run.options.sendEmpty,
		rowTimestamp: group.rowTimestamp,
	});
}

/** A call that failed for a whole batch fails every row of its groups (see ItemOutputs.failCall). */
export function failGroups(run: Run, groups: readonly WriteGroup[], error: unknown): void {
	run.out.failCall(
		groups.flatMap((group) => group.rows),
		error,
	);
}
