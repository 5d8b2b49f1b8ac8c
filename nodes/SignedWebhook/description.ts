import type { INodeProperties } from 'n8n-workflow';
import {
	maxBodyBytesOption,
	maxRememberedOption,
	replayProtectionOption,
	schemeProperties,
} from '../glue/signature';

const forModes = (...modes: string[]) => ({ show: { responseMode: modes } });

export const properties: INodeProperties[] = [
	{
		displayName: 'HTTP Methods',
		name: 'httpMethod',
		type: 'multiOptions',
		options: ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'].map((method) => ({
			name: method,
			value: method,
		})),
		default: ['POST'],
		description: 'The HTTP methods to listen to',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		placeholder: 'webhook',
		required: true,
		description:
			'The path to listen to: the production URL is the n8n webhook URL, then webhook/, then this path',
	},
	...schemeProperties,
	{
		displayName: 'Respond',
		name: 'responseMode',
		type: 'options',
		options: [
			{
				name: 'Immediately',
				value: 'onReceived',
				description: 'As soon as the signature is verified',
			},
			{
				name: 'When Last Node Finishes',
				value: 'lastNode',
				description: 'Returns data of the last-executed node',
			},
			{
				name: "Using 'Respond to Webhook' Node",
				value: 'responseNode',
				description: 'Response defined in that node (use its version 1, see the README)',
			},
		],
		default: 'onReceived',
		description:
			'When and how to answer a verified request; refused requests are always answered at once',
	},
	{
		displayName: 'Response Code',
		name: 'responseCode',
		description: 'HTTP status of the answer to a verified request',
		type: 'number',
		typeOptions: { minValue: 100, maxValue: 599 },
		default: 200,
		displayOptions: forModes('onReceived', 'lastNode'),
	},
	{
		displayName: 'Response Body',
		name: 'responseBody',
		type: 'json',
		default: '{\n  "received": true\n}',
		description: 'Sent to a verified request as soon as it is received; processing continues',
		displayOptions: forModes('onReceived'),
	},
	{
		displayName: 'Response Data',
		name: 'responseData',
		description: "What the answer's body holds when responding after the last node",
		type: 'options',
		options: [
			{
				name: 'All Entries',
				value: 'allEntries',
				description: 'All items of the last node, as an array',
			},
			{
				name: 'First Entry JSON',
				value: 'firstEntryJson',
				description: 'The JSON of the first item of the last node',
			},
			{ name: 'No Response Body', value: 'noData' },
		],
		default: 'firstEntryJson',
		displayOptions: forModes('lastNode'),
	},
	{
		displayName: 'Rejected Output',
		name: 'rejectedOutput',
		type: 'boolean',
		default: false,
		description:
			'Whether to also start an execution for each refused request, on a second output, to audit refusals. Off, a refused request starts nothing.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			maxBodyBytesOption,
			maxRememberedOption,
			{
				displayName: 'Public URL',
				name: 'publicUrl',
				type: 'string',
				default: '',
				placeholder: 'https://hooks.example.com/webhook/my-path',
				description:
					'The URL the sender calls, without query string, when a proxy in front of n8n changes it. HubSpot V2/V3, Twilio and the Custom scheme’s URL placeholder sign it. Defaults to this node’s production URL.',
			},
			replayProtectionOption,
			{
				displayName: 'Replay Window (Seconds)',
				name: 'replayWindowSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 86400,
				description:
					'How long an accepted request of a scheme without a timestamp is remembered. A timestamped request is remembered until its timestamp leaves the tolerance; after that it is refused as stale anyway.',
			},
		],
	},
];
