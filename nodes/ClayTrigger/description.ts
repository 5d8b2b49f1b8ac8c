import type { INodeProperties } from 'n8n-workflow';
import { FIELD_TYPES } from '../shared/clay';
import { clayHeaderProperty, maxBodyBytesOption } from '../glue/signature';

const TYPE_LABELS: Record<(typeof FIELD_TYPES)[number], string> = {
	boolean: 'Boolean (true/false, yes/no, 1/0)',
	date: 'Date (ISO 8601)',
	domain: 'Domain',
	email: 'Email',
	number: 'Number (numeric text accepted)',
	string: 'String',
	url: 'URL (http/https)',
};

export const rowFieldValues: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. domain',
		description: 'Key in the row Clay sends',
	},
	{
		displayName: 'Type',
		name: 'type',
		description:
			'What the value must be; numeric text is accepted for numbers, and empty, N/A and null count as missing',
		type: 'options',
		options: Object.entries(TYPE_LABELS)
			.map(([value, name]) => ({ name, value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: 'string',
	},
	{
		displayName: 'Required',
		name: 'required',
		type: 'boolean',
		default: false,
		description:
			'Whether a row without this field (absent, "", "N/A" or "null") is refused with 422',
	},
];

export const properties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: 'clay',
		required: true,
		description: 'The URL to paste into Clay is the n8n webhook URL, then webhook/, then this path',
		// Version 1 kept for saved workflows: n8n does not store a default, so changing it would move them.
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		placeholder: 'clay-rows',
		description:
			'The URL to paste into Clay is the n8n webhook URL, then webhook/, then this path. Empty: the node’s own unique ID, so two Clay Triggers never share a URL.',
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
	},
	{
		...clayHeaderProperty,
		description:
			'Header you add in Clay’s HTTP API column (or webhook integration) holding the credential’s secret',
	},
	{
		displayName: 'Respond',
		name: 'responseMode',
		description:
			"When Clay gets its answer: at once (the row is accepted), with the last node's output (an enrichment endpoint), or from a Respond to Webhook node (durable intake: after the row is stored)",
		type: 'options',
		options: [
			{
				name: 'Immediately',
				value: 'onReceived',
				description:
					'Answer {"received": true} once the row is verified and valid; the workflow runs on',
			},
			{
				name: 'With Enrichment (Last Node’s Output)',
				value: 'lastNode',
				description:
					'Clay’s HTTP API column receives the JSON of the last node’s first item and can store its fields',
			},
			{
				name: 'Using ‘Respond to Webhook’ Node',
				value: 'responseNode',
				description:
					'A Respond to Webhook node answers, e.g. 202 once the row is in the intake store, or 503 with Retry-After when the store is full',
			},
		],
		default: 'onReceived',
	},
	{
		displayName: 'Response Time Budget (Seconds)',
		name: 'responseBudgetSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 25,
		description:
			'When the workflow has not finished by then, Clay gets a 504 with a timeout body instead of waiting; 0 waits as long as n8n does',
		displayOptions: { show: { responseMode: ['lastNode'] } },
	},
	{
		displayName: 'Row Fields',
		name: 'fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Field',
		default: { field: [{ name: 'domain', type: 'domain', required: true }] },
		description:
			'Fields a row must carry; values are coerced to their type. Rows that fail get a 422 with a reason per field and start no execution.',
		options: [{ displayName: 'Field', name: 'field', values: rowFieldValues }],
	},
	{
		displayName: 'Flatten Enrichment Data',
		name: 'flatten',
		type: 'boolean',
		default: false,
		description:
			'Whether to lift the leaves of a nested enrichment_data object to top-level fields (company.size → company_size) before validation',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [maxBodyBytesOption],
	},
];
