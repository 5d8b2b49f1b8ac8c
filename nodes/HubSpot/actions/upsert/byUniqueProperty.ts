// Batch upsert on a property with unique values (contact email, the company domain key, any
// hasUniqueValue property): HubSpot decides create-or-update atomically per value, so concurrent
// runs cannot create duplicates. Existing values are read first only when the update policy or a
// dry run needs them.
import type { IDataObject } from 'n8n-workflow';
import { chunk, type WritePlan } from '../../../shared/upsert';
import { readExisting, writeBatch, type ExistingRecord } from '../../api/records';
import type { Run } from '../common/run';
import { failGroups, needsExisting, planGroup, updatePolicy, type WriteGroup } from './groups';
import { reportWrites, settleWithoutWrite } from './report';

export interface UpsertOptions {
	/** `update` only changes records that exist (by id, or by `idProperty`); `upsert` also creates. */
	endpoint: 'upsert' | 'update';
	/** Unique property the keys are values of; undefined = keys are record ids (update only). */
	idProperty?: string;
	/** Values written with every record of a group, e.g. the normalized domain. */
	fixed?: (group: WriteGroup) => Record<string, string>;
}

/** Returns record id per group key, for the groups written (or found unchanged). */
export async function upsertByProperty(
	run: Run,
	groups: WriteGroup[],
	options: UpsertOptions,
): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	const keyOf = (result: IDataObject) =>
		options.idProperty
			? String(
					(result.properties as IDataObject | undefined)?.[options.idProperty] ?? '',
				).toLowerCase()
			: String(result.id);
	for (const batch of chunk(groups, run.options.batchSize)) {
		let existing: Map<string, ExistingRecord> | undefined;
		try {
			existing = needsExisting(run) ? await readBatch(run, batch, options.idProperty) : undefined;
		} catch (error) {
			failGroups(run, batch, error);
			continue;
		}
		const toWrite: Array<{
			group: WriteGroup;
			properties: Record<string, string>;
			plan: WritePlan;
		}> = [];
		for (const group of batch) {
			const found = existing?.get(group.key.toLowerCase());
			const plan = planGroup(run, group, found);
			const properties = { ...(found ? {} : options.fixed?.(group)), ...plan.properties };
			if (!found && existing && options.endpoint === 'update') {
				run.out.failAll(group.rows, {
					message: `No ${run.objectType} record ${group.key}`,
					category: 'OBJECT_NOT_FOUND',
				});
				continue;
			}
			const settled = settleWithoutWrite(run, group, found, plan, properties);
			if (settled === 'unchanged') ids.set(group.key, found!.id);
			else if (!settled) toWrite.push({ group, properties, plan });
		}
		if (!toWrite.length) continue;
		let outcome;
		try {
			outcome = await writeBatch(
				run.client,
				run.objectType,
				options.endpoint,
				toWrite.map(({ group, properties }) => ({
					trace: group.key,
					input: {
						id: group.key,
						...(options.idProperty ? { idProperty: options.idProperty } : {}),
						properties,
					},
				})),
				keyOf,
			);
		} catch (error) {
			failGroups(
				run,
				toWrite.map(({ group }) => group),
				error,
			);
			continue;
		}
		reportWrites(
			run,
			toWrite,
			outcome,
			(result) => (result.new === true ? 'created' : 'updated'),
			(group, id) => ids.set(group.key, id),
		);
	}
	return ids;
}

async function readBatch(
	run: Run,
	batch: WriteGroup[],
	idProperty: string | undefined,
): Promise<Map<string, ExistingRecord>> {
	const names = new Set<string>();
	for (const group of batch) for (const name of Object.keys(group.desired)) names.add(name);
	return await readExisting(run.client, {
		objectType: run.objectType,
		ids: batch.map((group) => group.key),
		idProperty,
		properties: [...names],
		withHistory: updatePolicy(run) === 'lastWriteWins',
		batchSize: run.options.batchSize,
	});
}
