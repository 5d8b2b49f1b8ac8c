// What a resource file (`<resource>/<Resource>.resource.ts`) is made of: its operations, each one
// module exporting the fields it shows (`description`) and what it does (`execute`).
import {
	updateDisplayOptions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';
import type { Operation } from './run';

export interface OperationModule {
	description: INodeProperties[];
	execute: Operation;
}

/** Which CRM object type a resource works on: a fixed one, or the one a parameter names. */
export type ObjectTypeSource = { objectType: string } | { objectTypeParameter: string } | object;

export interface Resource {
	/** The node's `resource` value. */
	value: string;
	object: ObjectTypeSource;
	/** Operation value → its module. */
	operations: Record<string, OperationModule>;
	/** The Operation picker and every operation's fields, shown for this resource only. */
	description: INodeProperties[];
}

/**
 * A resource's Operation picker followed by each operation's own
 * fields, shown only for that resource and operation; `fields` are shown for every operation.
 */
export function defineResource(
	value: string,
	object: ObjectTypeSource,
	operation: INodeProperties,
	operations: Record<string, OperationModule>,
	fields: INodeProperties[] = [],
): Resource {
	return {
		value,
		object,
		operations,
		description: [
			...updateDisplayOptions({ show: { resource: [value] } }, [operation, ...fields]),
			...Object.entries(operations).flatMap(([name, module]) =>
				updateDisplayOptions(
					{ show: { resource: [value], operation: [name] } },
					module.description,
				),
			),
		],
	};
}

/**
 * The operations every CRM record type has (companies, contacts, deals, custom objects), worded for
 * one of them; `extra` adds the type's own (e.g. Create Domain Key Property), kept in name order.
 */
export function recordOperationOptions(
	plural: string,
	upsertAction: string,
	extra: INodePropertyOptions[] = [],
): INodePropertyOptions[] {
	const options: INodePropertyOptions[] = [
		{
			// n8n's word; HubSpot archives: the records go to the recycle bin (restorable for 90 days).
			name: 'Delete',
			value: 'archive',
			description: `Delete ${plural} (HubSpot archives them: they go to the recycle bin, restorable for 90 days)`,
			action: `Delete ${plural}`,
		},
		{
			name: 'Create',
			value: 'create',
			description: `Create ${plural} in batches`,
			action: `Create ${plural}`,
		},
		{
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: upsertAction,
		},
		{
			name: 'Get',
			value: 'get',
			description: `Get ${plural} by ID, URL or a unique property`,
			action: `Get ${plural}`,
		},
		{
			name: 'Get Changes',
			value: 'getChanges',
			description: `Get ${plural} changed or deleted since a time (incremental sync)`,
			action: `Get changed ${plural}`,
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: `List ${plural}`,
			action: `Get many ${plural}`,
		},
		{
			name: 'Search',
			value: 'search',
			description: `Search ${plural} with filters or a JSON body`,
			action: `Search ${plural}`,
		},
		{
			name: 'Update',
			value: 'update',
			description: `Update ${plural} by ID or URL`,
			action: `Update ${plural}`,
		},
	];
	return [...options, ...extra].sort((a, b) => a.name.localeCompare(b.name));
}

/** The object type a resource works on, reading the parameter that names it if it has one. */
export function objectTypeOf(resource: Resource, read: (parameter: string) => unknown): string {
	if ('objectType' in resource.object) return resource.object.objectType;
	if ('objectTypeParameter' in resource.object)
		return String(read(resource.object.objectTypeParameter) ?? '');
	return '';
}
