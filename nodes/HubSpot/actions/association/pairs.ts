// The association each item names: from-object, to-object, their ids and an optional label.
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { AssociationLabel } from '../../api/associations';
import { nodeVersion } from '../common/parameters';
import type { Run } from '../common/run';
import { readPerItem } from '../common/run';

const objectTypeField = (name: string, displayName: string, fallback: string): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getObjectTypes' },
	default: fallback,
	description:
		'Object type of that end (e.g. contacts, companies, or a custom object 2-…). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
});

const idField = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	required: true,
	default: '',
	placeholder: '987654321',
	description,
});

/** The fields naming both ends of an association; List names only the record it starts from. */
export function pairFields(withToId: boolean): INodeProperties[] {
	return [
		objectTypeField('fromObjectType', 'From Object Type Name or ID', 'contacts'),
		idField('fromId', 'From ID', 'HubSpot ID of the record the association starts from'),
		objectTypeField('toObjectType', 'To Object Type Name or ID', 'companies'),
		...(withToId
			? [idField('toId', 'To ID', 'HubSpot ID of the record the association points to')]
			: []),
	];
}

export interface ItemPair {
	fromType: string;
	toType: string;
	fromId: string;
	toId: string;
	label?: AssociationLabel;
}

const recordId = (value: unknown, what: string) => {
	const id = String(value ?? '').trim();
	if (!/^\d+$/.test(id)) throw new Error(`${what} '${id}' is not a HubSpot record id`);
	return id;
};

/** Version 2's Association Label value, `CATEGORY:typeId` (e.g. HUBSPOT_DEFINED:1). */
export function parseLabel(value: unknown): AssociationLabel {
	const match = /^\s*([A-Z_]+)\s*:\s*(\d+)\s*$/.exec(String(value ?? ''));
	if (!match)
		throw new Error(
			`Association Label '${String(value ?? '')}' is not a label: pick one from the list, or give CATEGORY:typeId (e.g. HUBSPOT_DEFINED:1)`,
		);
	return { associationCategory: match[1], associationTypeId: Number(match[2]) };
}

export function readPairs(run: Run) {
	const byName = nodeVersion(run) >= 2;
	return readPerItem(run, (index): ItemPair => {
		const p = (name: string, fallback: unknown = '') =>
			run.fn.getNodeParameter(name, index, fallback);
		const labelled = p('associationKind', 'default') === 'labelled';
		const label = (): AssociationLabel =>
			byName
				? parseLabel(p('associationLabel'))
				: {
						associationCategory: String(p('associationCategory', 'HUBSPOT_DEFINED')),
						associationTypeId: Number(p('associationTypeId', 0)),
					};
		return {
			fromType: String(p('fromObjectType')),
			toType: String(p('toObjectType')),
			fromId: recordId(p('fromId'), 'From ID'),
			toId: recordId(p('toId'), 'To ID'),
			...(labelled ? { label: label() } : {}),
		};
	});
}

/** Items sharing object types and label go in the same batch calls. */
export function groupPairs(rows: ReturnType<typeof readPairs>) {
	const groups = new Map<string, typeof rows>();
	for (const row of rows) {
		const { fromType, toType, label } = row.value;
		const key = `${fromType}|${toType}|${label ? `${label.associationCategory}:${label.associationTypeId}` : 'default'}`;
		groups.set(key, [...(groups.get(key) ?? []), row]);
	}
	return [...groups.values()];
}

export function pairJson(action: string, pair: ItemPair): IDataObject {
	return { action, ...pair, ...(pair.label ? { label: { ...pair.label } } : {}) };
}
