// Creates a property (Properties API). One that already exists with the same definition is
// reported as such rather than failed, so a setup workflow can run twice.
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { createProperty as postProperty, getProperty } from '../../api/properties';
import { toFailure } from '../../transport/failure';
import type { Run } from '../common/run';

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'propertyName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'clay_enriched_at',
		description: 'Internal name: lowercase letters, digits and underscores',
	},
	{
		displayName: 'Label',
		name: 'propertyLabel',
		type: 'string',
		default: '',
		placeholder: 'Clay Enriched At',
		description: 'Name shown in HubSpot; empty: the internal name',
	},
	{
		displayName: 'Field Type',
		name: 'propertyFieldType',
		type: 'options',
		options: [
			{ name: 'Checkbox', value: 'checkbox' },
			{ name: 'Date', value: 'date' },
			{ name: 'Date and Time', value: 'datetime' },
			{ name: 'Multi-Line Text', value: 'textarea' },
			{ name: 'Number', value: 'number' },
			{ name: 'Text', value: 'text' },
		],
		default: 'text',
		description: 'How HubSpot stores and edits the values (sets the property type and field type)',
	},
	{
		displayName: 'Unique Values',
		name: 'hasUniqueValue',
		type: 'boolean',
		default: false,
		description:
			'Whether HubSpot enforces unique values (cannot be changed later); enables upserts on this property',
	},
	{
		displayName: 'Options',
		name: 'propertyOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Optional settings of the property',
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'Help text HubSpot shows with the property',
			},
			{
				displayName: 'Group Name',
				name: 'groupName',
				type: 'string',
				default: '',
				description: 'Property group; default the object type’s "… information" group',
			},
		],
	},
];

const FIELD_TYPES: Record<string, { type: string; fieldType: string }> = {
	text: { type: 'string', fieldType: 'text' },
	textarea: { type: 'string', fieldType: 'textarea' },
	number: { type: 'number', fieldType: 'number' },
	date: { type: 'date', fieldType: 'date' },
	datetime: { type: 'datetime', fieldType: 'date' },
	checkbox: { type: 'bool', fieldType: 'booleancheckbox' },
};

/** HubSpot's built-in "… information" group of the standard objects. */
const DEFAULT_GROUPS: Record<string, string> = {
	companies: 'companyinformation',
	contacts: 'contactinformation',
	deals: 'dealinformation',
};

export async function createProperty(
	run: Run,
	index: number,
	definition: IDataObject,
): Promise<void> {
	if (run.options.dryRun) {
		run.out.succeed(index, { action: 'wouldCreate', ...definition });
		return;
	}
	try {
		const body = await postProperty(run.client, run.objectType, definition);
		run.out.succeed(index, { action: 'created', ...body });
	} catch (error) {
		if (toFailure(error).status !== 409) return run.out.failCall([index], error);
		const body = await getProperty(run.client, run.objectType, String(definition.name));
		if (definition.hasUniqueValue && body.hasUniqueValue !== true) {
			return run.out.fail(index, {
				message: `Property ${String(definition.name)} exists without unique values; HubSpot cannot change that. Pick another name.`,
				category: 'CONFLICT',
			});
		}
		run.out.succeed(index, { action: 'exists', ...body });
	}
}

export async function execute(run: Run): Promise<void> {
	for (let index = 0; index < run.items.length; index++) {
		const p = (name: string, fallback: unknown = '') =>
			run.fn.getNodeParameter(name, index, fallback);
		const options = p('propertyOptions', {}) as IDataObject;
		const kind = FIELD_TYPES[p('propertyFieldType', 'text') as string] ?? FIELD_TYPES.text;
		const name = String(p('propertyName'));
		await createProperty(run, index, {
			name,
			label: String(p('propertyLabel') || name),
			...kind,
			groupName: String(options.groupName || DEFAULT_GROUPS[run.objectType] || ''),
			hasUniqueValue: p('hasUniqueValue', false) === true,
			...(options.description ? { description: String(options.description) } : {}),
		});
	}
}
