// Pickers filled from the connected HubSpot account: properties of the chosen object type (all,
// writable, unique), custom object types, every object type and the association labels between two.
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { listAssociationLabels } from '../api/associations';
import { listProperties, listSchemas } from '../api/properties';
import { objectTypeOf } from '../actions/common/resource';
import { resources } from '../actions/resources';
import type { HubSpotClient } from '../transport/client';
import { connect } from '../transport/connect';
import { toFailure, toNodeApiError } from '../transport/failure';

const STANDARD_TYPES: INodePropertyOptions[] = [
	{ name: 'Companies', value: 'companies' },
	{ name: 'Contacts', value: 'contacts' },
	{ name: 'Deals', value: 'deals' },
];

export async function withClient<T>(
	fn: ILoadOptionsFunctions,
	use: (client: HubSpotClient) => Promise<T>,
): Promise<T> {
	const client = await connect(
		fn,
		(fn.getNodeParameter('authentication', 'privateAppToken') as string) || 'privateAppToken',
	);
	try {
		return await use(client);
	} catch (error) {
		throw toNodeApiError(fn.getNode(), toFailure(error));
	}
}

export function currentObjectType(fn: ILoadOptionsFunctions): string {
	const value = fn.getCurrentNodeParameter('resource') as string;
	const resource = resources.find((r) => r.value === value);
	// Resources of no single object type (associations) list company properties, as the picker's default.
	if (!resource || !Object.keys(resource.object).length) return 'companies';
	const objectType = objectTypeOf(resource, (name) => fn.getCurrentNodeParameter(name));
	return objectType || (value === 'property' ? 'companies' : '');
}

async function propertyOptions(
	fn: ILoadOptionsFunctions,
	keep: (property: IDataObject) => boolean,
) {
	const objectType = currentObjectType(fn);
	if (!objectType) return [];
	const properties = await withClient(
		fn,
		async (client) => await listProperties(client, objectType),
	);
	return properties
		.filter(keep)
		.map((p) => ({
			name: String(p.label || p.name),
			value: String(p.name),
			description: String(p.description ?? ''),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

async function customObjectTypes(fn: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const schemas = await withClient(fn, async (client) => await listSchemas(client));
	return schemas.map((schema) => ({
		name: String((schema.labels as IDataObject | undefined)?.plural ?? schema.name),
		value: String(schema.objectTypeId),
	}));
}

/** Whether users can write the property (HubSpot marks calculated and system values read-only). */
export const writable = (p: IDataObject) =>
	(p.modificationMetadata as IDataObject | undefined)?.readOnlyValue !== true;

/** The labels between the chosen From and To object types; the value is `CATEGORY:typeId`. */
async function associationLabels(fn: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fromType = String(fn.getCurrentNodeParameter('fromObjectType') ?? '');
	const toType = String(fn.getCurrentNodeParameter('toObjectType') ?? '');
	if (!fromType || !toType) return [];
	const labels = await withClient(
		fn,
		async (client) => await listAssociationLabels(client, fromType, toType),
	);
	return labels
		.map((label) => ({
			name: label.label ?? 'Unlabeled (Default Association)',
			value: `${label.category}:${label.typeId}`,
			description: `${label.category} type ${label.typeId}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export const loadOptions = {
	async getProperties(this: ILoadOptionsFunctions) {
		return await propertyOptions(this, () => true);
	},
	async getWritableProperties(this: ILoadOptionsFunctions) {
		return await propertyOptions(this, writable);
	},
	async getUniqueProperties(this: ILoadOptionsFunctions) {
		return await propertyOptions(this, (p) => p.hasUniqueValue === true);
	},
	async getCustomObjectTypes(this: ILoadOptionsFunctions) {
		return await customObjectTypes(this);
	},
	async getObjectTypes(this: ILoadOptionsFunctions) {
		return [...STANDARD_TYPES, ...(await customObjectTypes(this))];
	},
	async getAssociationLabels(this: ILoadOptionsFunctions) {
		return await associationLabels(this);
	},
};
