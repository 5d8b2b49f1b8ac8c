// Records changed since a watermark, for incremental syncs (template 08): every record modified at or
// after it (read in windows past search's 10,000-result cap), and those archived since then. The items are
// the records, oldest change first; the next watermark is the latest `updatedAt` among them.
import type { INodeProperties } from 'n8n-workflow';
import { readChanges } from '../../api/changes';
import { readInstant } from '../../../shared/sync/instant';
import { propertiesToReturn } from '../common/returnedProperties';
import type { Run } from '../common/run';

export const description: INodeProperties[] = [
	{
		displayName: 'Changed Since',
		name: 'changedSince',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2026-01-31T09:30:00Z, or {{ $json.watermark }}',
		description:
			'Read records modified at or after this time (ISO 8601 or epoch milliseconds), usually the last run’s watermark. Empty: every record (a first, full sync).',
	},
	{
		displayName: 'Overlap (Seconds)',
		name: 'overlapSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 60,
		description:
			'Start this long before Changed Since: HubSpot’s search shows a fresh write only after a few seconds, so a change made just before the last run can appear after it. Re-read records are harmless to a sync.',
	},
	{
		displayName: 'Include Deleted',
		name: 'includeArchived',
		type: 'boolean',
		default: true,
		description:
			'Whether to add the records archived (deleted) since then, with archived: true. Search never returns them; they are read from the recycle bin, one call per 100 archived records.',
	},
];

export async function execute(run: Run): Promise<void> {
	const properties = propertiesToReturn(run);
	for (let index = 0; index < run.items.length; index++) {
		const raw = String(run.fn.getNodeParameter('changedSince', index, '') ?? '').trim();
		let since: number | undefined;
		if (raw) {
			const read = readInstant(/^\d+$/.test(raw) ? Number(raw) : raw);
			if (read.ms === undefined) {
				run.out.fail(index, {
					message: `Changed Since "${raw}" is not a time: ${read.error}; or leave it empty to read every record`,
					category: 'INVALID_INPUT',
				});
				continue;
			}
			since = read.ms;
		}
		try {
			const changes = await readChanges(run.client, run.objectType, {
				since,
				overlapMs: Number(run.fn.getNodeParameter('overlapSeconds', index, 60)) * 1000,
				properties,
				includeArchived: run.fn.getNodeParameter('includeArchived', index, true) as boolean,
			});
			for (const record of changes.records) run.out.succeed(index, record);
		} catch (error) {
			run.out.failCall([index], error);
		}
	}
}
