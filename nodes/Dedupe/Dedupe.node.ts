import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import {
	checkDedupeOptions,
	dedupe,
	type DedupeOptions,
	type KeptRecord,
} from '../shared/dedupe/dedupe';
import { describeKey, recordFacts } from '../shared/dedupe/keys';
import { failItem, pairedWith } from '../glue/items';
import { keysSeenBefore, type HistorySettings } from './history';
import { readParameters } from './parameters';
import { properties } from './description';

/** What each duplicate carries: which kept item it matched (null: kept by an earlier execution), why, how well. */
interface DuplicateInfo {
	keptItem: number | null;
	reason: string;
	score: number;
}

interface Routed {
	index: number;
	item: INodeExecutionData;
}

/** Kept records whose key an earlier execution already kept, with the key's description for the reason. */
async function seenInEarlierExecutions(
	context: IExecuteFunctions,
	kept: readonly KeptRecord[],
	options: DedupeOptions,
	history: HistorySettings,
): Promise<Map<KeptRecord, string>> {
	const keys = new Map<KeptRecord, { key: string; label: string }>();
	for (const record of kept) {
		// A merged record's key is its survivor's: the input record whose key formed the group.
		const key = recordFacts(context.getInputData()[record.index].json, options.keys).key;
		if (key) keys.set(record, { key: key.key, label: describeKey(key) });
	}
	const seen = await keysSeenBefore(
		context,
		Array.from(keys.values(), (k) => k.key),
		history,
	);
	const result = new Map<KeptRecord, string>();
	keys.forEach(({ key, label }, record) => {
		if (seen.has(key)) result.set(record, label);
	});
	return result;
}

export class Dedupe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dedupe',
		name: 'dedupe',
		icon: { light: 'file:dedupe.svg', dark: 'file:dedupe.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ {mostRecent: "keep most recent", first: "keep first", mostComplete: "keep most complete", merge: "merge duplicates"}[$parameter.keep] }}',
		description:
			'Find duplicate companies or contacts by domain, email, name or phone, keep one per group and route the rest',
		defaults: { name: 'Dedupe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Kept', 'Duplicates'],
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { dedupe: options, history, duplicateField } = readParameters(this);
		const problem = checkDedupeOptions(options);
		if (problem) throw new NodeOperationError(this.getNode(), problem);

		const result = dedupe(
			this.getInputData().map((item) => item.json),
			options,
		);
		const failed: Routed[] = result.errors
			.sort((a, b) => a.index - b.index)
			.map((error) => ({ index: error.index, item: failItem(this, error.index, error.message) }));
		const earlier = history
			? await seenInEarlierExecutions(this, result.kept, options, history)
			: new Map<KeptRecord, string>();

		const kept: Routed[] = [];
		const duplicates: Routed[] = [];
		const duplicate = (record: IDataObject, info: DuplicateInfo): IDataObject => ({
			...record,
			[duplicateField]: info as unknown as IDataObject,
		});
		for (const record of result.kept) {
			const pairedItem = pairedWith(record.mergedFrom ?? [record.index]);
			const label = earlier.get(record);
			if (label === undefined) {
				kept.push({
					index: record.index,
					item: { json: record.record as IDataObject, pairedItem },
				});
				continue;
			}
			const info = {
				keptItem: null,
				reason: `${label} was already kept by an earlier execution`,
				score: 1,
			};
			duplicates.push({
				index: record.index,
				item: { json: duplicate(record.record as IDataObject, info), pairedItem },
			});
		}
		for (const record of result.duplicates) {
			const info = { keptItem: record.keptIndex, reason: record.reason, score: record.score };
			duplicates.push({
				index: record.index,
				item: {
					json: duplicate(record.record as IDataObject, info),
					pairedItem: { item: record.index },
				},
			});
		}
		const inInputOrder = (routed: Routed[]) =>
			routed.sort((a, b) => a.index - b.index).map((r) => r.item);
		return [inInputOrder([...kept, ...failed]), inInputOrder(duplicates)];
	}
}
