// CRM search: filters set in the node (one AND group) or a raw JSON body (filterGroups, sorts,
// query) for anything the form cannot express. Paged to the limit.
import { jsonParse, type IDataObject, type INodeProperties } from 'n8n-workflow';
import { searchAll } from '../../api/search';
import { limitFields } from '../common/fields.description';
import { propertiesToReturn } from '../common/returnedProperties';
import type { Run } from '../common/run';

const OPERATORS = [
	['Between', 'BETWEEN'],
	['Contains Token', 'CONTAINS_TOKEN'],
	['Equal', 'EQ'],
	['Greater Than', 'GT'],
	['Greater Than or Equal', 'GTE'],
	['Has Property', 'HAS_PROPERTY'],
	['In (Comma-Separated)', 'IN'],
	['Less Than', 'LT'],
	['Less Than or Equal', 'LTE'],
	['Not Contains Token', 'NOT_CONTAINS_TOKEN'],
	['Not Equal', 'NEQ'],
	['Not Has Property', 'NOT_HAS_PROPERTY'],
	['Not In (Comma-Separated)', 'NOT_IN'],
].map(([name, value]) => ({ name, value }));

export const description: INodeProperties[] = [
	...limitFields,
	{
		displayName: 'Search Mode',
		name: 'searchMode',
		type: 'options',
		options: [
			{ name: 'Filters', value: 'filters', description: 'All filters must match' },
			{
				name: 'JSON',
				value: 'json',
				description: 'A full search body: filterGroups (OR of ANDs), sorts, query',
			},
		],
		default: 'filters',
		description:
			'Filters set here (all must match), or a JSON body for what they cannot express (OR groups, sorting, full-text query)',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { searchMode: ['filters'] } },
		description: 'Records matching every filter are returned (HubSpot allows up to 6 per group)',
		options: [
			{
				displayName: 'Filter',
				name: 'filter',
				values: [
					{
						displayName: 'Property Name or ID',
						name: 'propertyName',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getProperties',
							loadOptionsDependsOn: ['resource', 'customObjectType'],
						},
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: OPERATORS,
						default: 'EQ',
						description:
							'How the property is compared with the value; Has Property and Not Has Property need no value',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'For In and Not In, separate values with commas',
					},
				],
			},
		],
	},
	{
		displayName: 'Search Body (JSON)',
		name: 'searchJson',
		type: 'json',
		default:
			'{\n  "filterGroups": [{ "filters": [{ "propertyName": "domain", "operator": "EQ", "value": "acme.com" }] }]\n}',
		displayOptions: { show: { searchMode: ['json'] } },
		description:
			"HubSpot's CRM search body: filterGroups, sorts, query (limit, after and the Properties to Return option are set by the node)",
	},
];

const MULTI_VALUE = new Set(['IN', 'NOT_IN']);

function filtersFromForm(run: Run, index: number): IDataObject {
	const filters =
		((run.fn.getNodeParameter('filters', index, {}) as IDataObject).filter as
			| IDataObject[]
			| undefined) ?? [];
	return {
		filterGroups: filters.length
			? [
					{
						filters: filters.map((f) => {
							const operator = String(f.operator);
							const value = String(f.value ?? '');
							if (MULTI_VALUE.has(operator))
								return {
									propertyName: f.propertyName,
									operator,
									values: value.split(',').map((v) => v.trim()),
								};
							if (operator === 'HAS_PROPERTY' || operator === 'NOT_HAS_PROPERTY')
								return { propertyName: f.propertyName, operator };
							return { propertyName: f.propertyName, operator, value };
						}),
					},
				]
			: [],
	};
}

export async function execute(run: Run): Promise<void> {
	const properties = propertiesToReturn(run);
	for (let index = 0; index < run.items.length; index++) {
		let body: IDataObject;
		try {
			body =
				run.fn.getNodeParameter('searchMode', index, 'filters') === 'json'
					? jsonParse<IDataObject>(String(run.fn.getNodeParameter('searchJson', index, '{}')))
					: filtersFromForm(run, index);
		} catch (error) {
			run.out.fail(index, {
				message: `Search body is not valid JSON: ${(error as Error).message}`,
				category: 'INVALID_INPUT',
			});
			continue;
		}
		if (properties.length) body.properties = properties;
		const returnAll = run.fn.getNodeParameter('returnAll', index, false) as boolean;
		const limit = returnAll ? undefined : (run.fn.getNodeParameter('limit', index, 50) as number);
		try {
			for (const record of await searchAll(run.client, run.objectType, body, limit))
				run.out.succeed(index, record);
		} catch (error) {
			run.out.failCall([index], error);
		}
	}
}
