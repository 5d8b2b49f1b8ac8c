import type { INodeProperties } from 'n8n-workflow';
import { CLAY_SOURCE_CAP } from '../shared/clay';

export const properties: INodeProperties[] = [
	{
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://api.clay.com/v3/sources/webhook/pull-in-data-from-a-webhook-…',
		description:
			'URL of the table’s webhook source (in Clay: Add source → Webhook); each item becomes one row',
	},
	{
		displayName: 'Fields to Send',
		name: 'fields',
		type: 'string',
		default: '',
		placeholder: 'e.g. domain, name, signal_score',
		description:
			'Comma-separated fields of each item; empty sends the whole item. Keys become Clay columns.',
	},
	{
		displayName: 'Rows per Second',
		name: 'rowsPerSecond',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		default: 10,
		description: 'Pace of the push; Clay takes about 10 rows per second per workspace',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Max Attempts per Row',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 6,
				description: 'Tries per row, the first included, on 429, 5xx and network failures',
			},
			{
				displayName: 'Submission Cap',
				name: 'cap',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: CLAY_SOURCE_CAP,
				description:
					'Submissions a webhook source accepts in its lifetime; the node warns at 90 % and stops at the cap',
			},
			{
				displayName: 'Reset Submission Count',
				name: 'resetCount',
				type: 'boolean',
				default: false,
				description:
					'Whether to start counting from 0 in this run: do it once after pointing the node at a new webhook source, then turn it off',
			},
		],
	},
];
