// What a write reports on the Success output, per row of the record.
import type { IDataObject } from 'n8n-workflow';
import type { WritePlan } from '../../../shared/upsert';
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
