// Company upsert by domain without a unique property: HubSpot's `domain` is not unique, so the
// companies are looked up with IN-filter searches (up to 100 domains per call), then the missing
// ones are batch-created and the found ones batch-updated. Within a run every domain is written
// once; across concurrent runs (or within search's indexing lag) a duplicate can still appear,
// which the unique-key mode prevents.
import type { IDataObject } from 'n8n-workflow';
import { chunk, companyKey, type WritePlan } from '../../../shared/upsert';
import { readExisting, toExisting, writeBatch, type ExistingRecord } from '../../api/records';
import type { BatchOutcome } from '../../transport/batch';
import { findByValues, IN_FILTER_VALUES, oldestRecord } from '../../api/search';
import { searchFilterGroups } from '../common/parameters';
import type { Run } from '../common/run';
import { failGroups, planGroup, updatePolicy, type WriteGroup } from './groups';
import { reportWrites, settleWithoutWrite } from './report';

const keyOf = (domain: unknown) => {
	const outcome = companyKey(domain);
	return 'key' in outcome ? outcome.key : undefined;
};

async function findCompanies(run: Run, batch: WriteGroup[]): Promise<Map<string, ExistingRecord>> {
	const names = [...new Set(batch.flatMap((group) => Object.keys(group.desired)))];
	const found = await findByValues(
		run.client,
		run.objectType,
		'domain',
		batch.map((g) => g.key),
		names,
		keyOf,
		searchFilterGroups(run),
	);
	const existing = new Map(
		[...found].map(([key, records]) => [key, toExisting(oldestRecord(records))]),
	);
	if (updatePolicy(run) !== 'lastWriteWins' || !existing.size) return existing;
	// Search does not return property history; read it for the found companies.
	const withHistory = await readExisting(run.client, {
		objectType: run.objectType,
		ids: [...existing.values()].map((record) => record.id),
		properties: names,
		withHistory: true,
		batchSize: run.options.batchSize,
	});
	for (const [key, record] of existing) existing.set(key, withHistory.get(record.id) ?? record);
	return existing;
}

export async function upsertCompaniesBySearch(run: Run, groups: WriteGroup[]): Promise<void> {
	// One search covers several write batches: search is limited per second, writes per 10 s.
	for (const lookup of chunk(groups, IN_FILTER_VALUES * searchFilterGroups(run))) {
		let existing: Map<string, ExistingRecord>;
		try {
			existing = await findCompanies(run, lookup);
		} catch (error) {
			failGroups(run, lookup, error);
			continue;
		}
		for (const batch of chunk(lookup, run.options.batchSize))
			await writeGroups(run, batch, existing);
	}
}

async function writeGroups(
	run: Run,
	batch: WriteGroup[],
	existing: Map<string, ExistingRecord>,
): Promise<void> {
	const creates: Array<{ group: WriteGroup; properties: Record<string, string>; plan: WritePlan }> =
		[];
	const updates: Array<{
		group: WriteGroup;
		id: string;
		properties: Record<string, string>;
		plan: WritePlan;
	}> = [];
	for (const group of batch) {
		const found = existing.get(group.key);
		const plan = planGroup(run, group, found);
		const properties = found ? plan.properties : { domain: group.key, ...plan.properties };
		if (settleWithoutWrite(run, group, found, plan, properties)) continue;
		if (found) updates.push({ group, id: found.id, properties, plan });
		else creates.push({ group, properties, plan });
	}
	const keyById = new Map(updates.map(({ group, id }) => [id, group.key]));
	const created = await writeOrFail(
		run,
		creates,
		async () =>
			await writeBatch(
				run.client,
				run.objectType,
				'create',
				creates.map(({ group, properties }) => ({ trace: group.key, input: { properties } })),
				(result) => keyOf((result.properties as IDataObject | undefined)?.domain),
			),
	);
	const updated = await writeOrFail(
		run,
		updates,
		async () =>
			await writeBatch(
				run.client,
				run.objectType,
				'update',
				updates.map(({ group, id, properties }) => ({
					trace: group.key,
					input: { id, properties },
				})),
				(result) => keyById.get(String(result.id)),
			),
	);
	if (created) reportWrites(run, creates, created, () => 'created');
	if (updated) reportWrites(run, updates, updated, () => 'updated');
}

/** One batch write; a call that fails as a whole fails its groups' rows (undefined then). */
async function writeOrFail(
	run: Run,
	writes: ReadonlyArray<{ group: WriteGroup }>,
	write: () => Promise<BatchOutcome>,
): Promise<BatchOutcome | undefined> {
	if (!writes.length) return undefined;
	try {
		return await write();
	} catch (error) {
		failGroups(
			run,
			writes.map(({ group }) => group),
			error,
		);
		return undefined;
	}
}
