// The resource mapper of Define Below (version 2): the chosen object type's properties from the
// Properties API, typed for n8n's inputs. Read-only properties (calculated, system) are left out:
// HubSpot refuses writes to them.
import type {
	FieldType,
	IDataObject,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';
import { listProperties } from '../api/properties';
import { currentObjectType, withClient, writable } from './loadOptions';

function optionsOf(property: IDataObject): INodePropertyOptions[] {
	const options = (property.options as IDataObject[] | undefined) ?? [];
	return options
		.filter((option) => option.hidden !== true)
		.map((option) => ({
			name: String(option.label ?? option.value),
			value: String(option.value),
		}));
}

/** HubSpot's property type (and field type) → the n8n input that edits it. */
export function fieldTypeOf(property: IDataObject): FieldType {
	const type = String(property.type ?? '');
	const fieldType = String(property.fieldType ?? '');
	if (type === 'number') return 'number';
	if (type === 'bool' || fieldType === 'booleancheckbox') return 'boolean';
	if (type === 'date' || type === 'datetime') return 'dateTime';
	// A multiple checkboxes property takes several values separated by semicolons, and one with
	// external options (e.g. the owner) lists none here: text inputs.
	if (
		type === 'enumeration' &&
		fieldType !== 'checkbox' &&
		property.externalOptions !== true &&
		optionsOf(property).length
	)
		return 'options';
	return 'string';
}

export function toMapperFields(properties: IDataObject[]): ResourceMapperField[] {
	const writableOnes = properties.filter(writable);
	const labels = new Map<string, number>();
	for (const p of writableOnes) {
		const label = String(p.label || p.name);
		labels.set(label, (labels.get(label) ?? 0) + 1);
	}
	return writableOnes
		.map((property): ResourceMapperField => {
			const name = String(property.name);
			const label = String(property.label || name);
			const type = fieldTypeOf(property);
			return {
				id: name,
				// Two properties may share a label (e.g. a custom copy of a default one).
				displayName: (labels.get(label) ?? 0) > 1 ? `${label} (${name})` : label,
				type,
				...(type === 'options' ? { options: optionsOf(property) } : {}),
				required: false,
				defaultMatch: false,
				canBeUsedToMatch: false,
				display: true,
			};
		})
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export const resourceMapping = {
	async getPropertyMapping(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
		const objectType = currentObjectType(this);
		if (!objectType) return { fields: [] };
		const properties = await withClient(
			this,
			async (client) => await listProperties(client, objectType),
		);
		return {
			fields: toMapperFields(properties),
			emptyFieldsNotice: `No writable properties found for ${objectType}`,
		};
	},
};
