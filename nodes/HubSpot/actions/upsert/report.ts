// What a write reports on the Success output, per row of the record.
import type { IDataObject } from 'n8n-workflow';
import type { WritePlan } from '../../../shared/upsert';
import type { ExistingRecord } from '../../api/records';
import type { BatchOutcome } from '../../transport/batch';
import type { Run } from '../common/run';
import type { WriteGroup } from './groups';

export type WriteAction = 'created' | 'updated' | 'unchanged' | 'wouldCreate' | 'wouldUpdate';

export function reportWrite(
	run: Run,
	group: WriteGroup,
	action: WriteAction,
	record: { id?: string; properties?: IDataObject },
	plan?: WritePlan,
): void {
	const json: IDataObject = {
		...(record.id ? { id: record.id } : {}),
		action,
		objectType: run.objectType,
		key: group.key,
		properties: record.properties ?? plan?.properties ?? {},
	};
	if (plan && Object.keys(plan.skipped).length) json.skipped = plan.skipped;
	if (action === 'wouldCreate' || action === 'wouldUpdate')
		json.wouldWrite = plan?.properties ?? {};
	for (const row of group.rows) run.out.succeed(row, json);
}

/**
 * Settles a planned group that needs no write: nothing to change ('unchanged'), or a dry run
 * ('dryRun', reported as what would be written). Undefined: the group must be written.
 */
export function settleWithoutWrite(
	run: Run,
	group: WriteGroup,
	found: ExistingRecord | undefined,
	plan: WritePlan,
	properties: Record<string, string>,
): 'unchanged' | 'dryRun' | undefined {
	if (found && !Object.keys(properties).length) {
		reportWrite(
			run,
			group,
			'unchanged',
			{ id: found.id, properties: found.properties as IDataObject },
			plan,
		);
		return 'unchanged';
	}
	if (!run.options.dryRun) return undefined;
	reportWrite(
		run,
		group,
		found ? 'wouldUpdate' : 'wouldCreate',
		{ id: found?.id },
		{ ...plan, properties },
	);
	return 'dryRun';
}

/** Reports each written group from a batch answer: its result, or HubSpot's reason on Rejected. */
export function reportWrites(
	run: Run,
	writes: ReadonlyArray<{ group: WriteGroup; plan: WritePlan }>,
	outcome: BatchOutcome,
	actionOf: (result: IDataObject) => 'created' | 'updated',
	onWritten?: (group: WriteGroup, id: string) => void,
): void {
	for (const { group, plan } of writes) {
		const result = outcome.results.get(group.key);
		if (!result) {
			run.out.failAll(group.rows, outcome.failures.get(group.key)!);
			continue;
		}
		onWritten?.(group, String(result.id));
		reportWrite(
			run,
			group,
			actionOf(result),
			{ id: String(result.id), properties: result.properties as IDataObject },
			plan,
		);
	}
}
