import type { INodeProperties } from 'n8n-workflow';
import {
	maxBodyBytesOption,
	maxRememberedOption,
	replayProtectionOption,
	schemeProperties,
} from '../glue/signature';

export const properties: INodeProperties[] = [
	...schemeProperties,
	{
		displayName: 'Raw Body From',
		name: 'bodySource',
		type: 'options',
		options: [
			{
				name: 'Binary Property',
				value: 'binary',
				description: 'What the Webhook node’s Raw Body option produces',
			},
			{
				name: 'Text Field',
				value: 'field',
				description: 'A field holding the body exactly as received, as text',
			},
		],
		default: 'binary',
		description:
			'Where the exact bytes the sender signed are; a parsed and re-serialised body does not verify',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		description:
			"Binary property holding the raw request body (the Webhook node's Raw Body option puts it in data)",
		type: 'string',
		default: 'data',
		displayOptions: { show: { bodySource: ['binary'] } },
	},
	{
		displayName: 'Body Field',
		name: 'bodyField',
		type: 'string',
		default: 'rawBody',
		description: 'Field holding the raw body text; dots reach into nested objects',
		displayOptions: { show: { bodySource: ['field'] } },
	},
	{
		displayName: 'Headers Field',
		name: 'headersField',
		type: 'string',
		default: 'headers',
		description: 'Field holding the request headers as an object, as the Webhook node outputs them',
	},
	{
		displayName: 'HTTP Method',
		name: 'method',
		type: 'string',
		default: 'POST',
		description:
			'Method of the received request (HubSpot V2/V3 and the Custom scheme’s method placeholder sign it)',
	},
	{
		displayName: 'Signed URL',
		name: 'url',
		type: 'string',
		default: '',
		placeholder: 'https://hooks.example.com/webhook/my-path?x=1',
		description: 'The public URL the sender called, query string included, exactly as it signed it',
		displayOptions: { show: { scheme: ['hubspotV2', 'hubspotV3', 'twilio', 'custom'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [maxBodyBytesOption, maxRememberedOption, replayProtectionOption],
	},
];
