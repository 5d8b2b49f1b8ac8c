import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

const plan = { show: { operation: ['plan'] } };

const TRANSFORMS: INodePropertyOptions[] = [
	{ name: 'None', value: '' },
	{ name: 'Domain (Lowercase, No Scheme, Path or Www.)', value: 'domain' },
	{ name: 'Lowercase', value: 'lowercase' },
	{ name: 'Registrable Domain (Eu.acme.com → Acme.com)', value: 'registrableDomain' },
	{ name: 'Trim', value: 'trim' },
	{ name: 'Uppercase', value: 'uppercase' },
];

const OPERATORS: INodePropertyOptions[] = [
	{ name: 'Contains', value: 'contains' },
	{ name: 'Equals', value: 'eq' },
	{ name: 'Exists', value: 'exists' },
	{ name: 'Greater Than', value: 'gt' },
	{ name: 'Greater Than or Equal', value: 'gte' },
	{ name: 'In (Comma-Separated)', value: 'in' },
	{ name: 'Less Than', value: 'lt' },
	{ name: 'Less Than or Equal', value: 'lte' },
	{ name: 'Not Equals', value: 'neq' },
	{ name: 'Not Exists', value: 'not_exists' },
	{ name: 'Not In (Comma-Separated)', value: 'not_in' },
];

function filterField(name: string, displayName: string, sideWord: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		displayOptions: plan,
		description: `Which ${sideWord} records send their changes: every Include condition must hold and no Exclude condition may. A linked record that stops passing keeps receiving the other side’s changes.`,
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Include or Exclude',
						name: 'mode',
						type: 'options',
						options: [
							{ name: 'Include', value: 'include' },
							{ name: 'Exclude', value: 'exclude' },
						],
						default: 'include',
					},
					{
						displayName: 'Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: sideWord === 'HubSpot' ? 'e.g. lifecyclestage' : 'e.g. status',
						description: `The ${sideWord === 'HubSpot' ? 'HubSpot property' : 'column'} to test (it need not be mapped)`,
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: OPERATORS,
						default: 'eq',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'For In and Not In, separate values with commas; Exists and Not Exists need none',
					},
				],
			},
		],
	};
}

export const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Plan',
				value: 'plan',
				description:
					'Compare both sides’ changes with the last synced state: the writes for each side, conflicts and skips',
				action: 'Plan a sync run',
			},
			{
				name: 'Apply Outcomes',
				value: 'apply',
				description:
					'Turn the plan and the results of its writes into the state rows to store, and the next watermarks',
				action: 'Apply the outcomes of a sync run',
			},
		],
		default: 'plan',
	},
	{
		displayName:
			'Inputs: 1 HubSpot records changed since the last run (HubSpot (RevOps) → Get Changes), 2 warehouse rows changed since then, 3 the sync state rows of those records. Outputs: the writes for HubSpot and for the warehouse, conflicts, skipped records, and the plan for Apply Outcomes.',
		name: 'planNotice',
		type: 'notice',
		default: '',
		displayOptions: plan,
	},
	{
		displayName:
			'Inputs: 1 the Plan output of the Plan operation, 2 one result per write: {side: "hubspot" or "warehouse", key, ok, ID (for creates), updatedAt, error}. Outputs: the state rows to store (upsert on key), and one summary item with the next watermarks.',
		name: 'applyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { operation: ['apply'] } },
	},
	{
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		options: [
			{ name: 'Both Ways', value: 'bidirectional' },
			{ name: 'HubSpot → Warehouse', value: 'source_to_target' },
			{ name: 'Warehouse → HubSpot', value: 'target_to_source' },
		],
		default: 'bidirectional',
		displayOptions: plan,
		description:
			'Whose changes are sent. A side that does not send still receives the other side’s changes.',
	},
	{
		displayName: 'Conflict Resolution',
		name: 'strategy',
		type: 'options',
		options: [
			{
				name: 'HubSpot Wins',
				value: 'source_wins',
				description: 'A field changed on both sides since the last run takes HubSpot’s value',
			},
			{
				name: 'Last Write Wins',
				value: 'last_write_wins',
				description:
					'A field changed on both sides takes the value of the record changed last (a tie goes to HubSpot)',
			},
			{
				name: 'Merge',
				value: 'merge',
				description:
					'Merge Fields are merged as sets (what either side added stays, what either removed goes); other fields by last write',
			},
			{
				name: 'Warehouse Wins',
				value: 'target_wins',
				description: 'A field changed on both sides takes the warehouse’s value',
			},
		],
		default: 'last_write_wins',
		displayOptions: plan,
		description:
			'Per field: two sides editing different fields of one record both win; only the same field edited on both sides is a conflict',
	},
	{
		displayName: 'Merge Fields',
		name: 'mergeFields',
		type: 'string',
		default: '',
		placeholder: 'e.g. tags, industries',
		displayOptions: { show: { operation: ['plan'], strategy: ['merge'] } },
		description:
			'Field names (as in the field map) merged as sets, comma-separated: text lists split on the List Separator, or JSON arrays',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		required: true,
		displayOptions: plan,
		description: 'Which HubSpot property syncs with which warehouse column, read as which type',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'HubSpot Property',
						name: 'source',
						type: 'string',
						default: '',
						placeholder: 'e.g. numberofemployees',
						description: 'Internal name of the HubSpot property',
					},
					{
						displayName: 'Timestamp Precision',
						name: 'precision',
						type: 'options',
						options: [
							{ name: 'Millisecond', value: 'millisecond' },
							{ name: 'Second', value: 'second' },
							{ name: 'Day (HubSpot Date Properties)', value: 'day' },
						],
						default: 'millisecond',
					},
					{
						displayName: 'To HubSpot',
						name: 'toSource',
						type: 'options',
						options: TRANSFORMS,
						default: '',
						description: 'Applied to the warehouse’s text on its way to HubSpot',
					},
					{
						displayName: 'To Warehouse',
						name: 'toTarget',
						type: 'options',
						options: TRANSFORMS,
						default: '',
						description: 'Applied to HubSpot’s text on its way to the warehouse',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Boolean', value: 'boolean' },
							{ name: 'JSON', value: 'json' },
							{ name: 'Number', value: 'number' },
							{ name: 'Text', value: 'string' },
							{ name: 'Timestamp', value: 'timestamp' },
						],
						default: 'string',
						description:
							'How both sides’ values are compared: "12" and 12 are one number, "true" and true one boolean, timestamps at the precision below',
					},
					{
						displayName: 'Warehouse Column',
						name: 'target',
						type: 'string',
						default: '',
						placeholder: 'e.g. employee_count',
					},
				],
			},
		],
	},
	{
		displayName: 'Match Existing Records On',
		name: 'matchField',
		type: 'string',
		default: 'domain',
		displayOptions: plan,
		description:
			'A mapped field (its name in the field map, the HubSpot property by default) that links records already on both sides at their first sync instead of creating them twice. Empty: no matching.',
	},
	{
		displayName: 'Match Normalization',
		name: 'matchNormalize',
		type: 'options',
		options: [
			{ name: 'Domain', value: 'domain' },
			{ name: 'Exact', value: 'exact' },
			{ name: 'Lowercase', value: 'lowercase' },
		],
		default: 'domain',
		displayOptions: plan,
	},
	filterField('hubspotFilters', 'HubSpot → Warehouse Filter', 'HubSpot'),
	filterField('warehouseFilters', 'Warehouse → HubSpot Filter', 'warehouse'),
	{
		displayName: 'Warehouse ID Column',
		name: 'idColumn',
		type: 'string',
		default: 'id',
		displayOptions: plan,
	},
	{
		displayName: 'Warehouse Updated At Column',
		name: 'updatedAtColumn',
		type: 'string',
		default: 'updated_at',
		displayOptions: plan,
		description:
			'The column holding each row’s last change (decides Last Write Wins, drops stale re-reads)',
	},
	{
		displayName: 'Warehouse Soft-Delete Column',
		name: 'deletedColumn',
		type: 'string',
		default: 'deleted_at',
		displayOptions: plan,
		description:
			'A row is deleted when this column holds anything but null, false, 0 or empty text; a HubSpot company archived is written here as a delete. Empty: deletes are not synced from the warehouse.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: plan,
		options: [
			{
				displayName: 'List Separator',
				name: 'listSeparator',
				type: 'string',
				default: ';',
				description: 'Separator of a text Merge Field’s items (HubSpot multiple checkboxes use ;)',
			},
			{
				displayName: 'Check Mapped Fields Exist',
				name: 'checkFields',
				type: 'boolean',
				default: true,
				description:
					'Whether to stop before any write when a record read lacks a mapped property or column (a misspelt name, or a property Get Changes did not return)',
			},
		],
	},
];
