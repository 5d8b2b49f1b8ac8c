import type { INodeProperties } from 'n8n-workflow';
import {
	DEFAULT_CLAY_HEADER,
	DEFAULT_MAX_BODY_BYTES,
	DEFAULT_TOLERANCE_SECONDS,
} from '../../shared/signatures';

/**
 * The parameters both signature nodes show: which scheme, its settings, and the limits shared by every scheme.
 * One definition so the trigger and the action node cannot drift apart; parameters.ts reads them back.
 */
const forSchemes = (...schemes: string[]) => ({ show: { scheme: schemes } });
const TIMESTAMPED = ['standardWebhooks', 'stripe', 'slack', 'hubspotV3', 'custom'];

export const schemeProperty: INodeProperties = {
	displayName: 'Signature Scheme',
	name: 'scheme',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Clay (Shared Secret Header)',
			value: 'clay',
			description: 'Clay does not sign: compares a header you add in Clay',
		},
		{
			name: 'Custom HMAC',
			value: 'custom',
			description: 'Describe the header, digest and signed payload yourself',
		},
		{
			name: 'GitHub',
			value: 'github',
			description: 'X-Hub-Signature-256: sha256= and a hex HMAC of the body',
		},
		{
			name: 'HubSpot V1',
			value: 'hubspotV1',
			description: 'X-HubSpot-Signature: SHA-256 of secret + body',
		},
		{
			name: 'HubSpot V2',
			value: 'hubspotV2',
			description: 'X-HubSpot-Signature: SHA-256 of secret + method + URL + body',
		},
		{
			name: 'HubSpot V3',
			value: 'hubspotV3',
			description: 'X-HubSpot-Signature-v3: HMAC of method + URL + body + timestamp',
		},
		{
			name: 'Shopify',
			value: 'shopify',
			description: 'X-Shopify-Hmac-Sha256: base64 HMAC of the body',
		},
		{
			name: 'Slack',
			value: 'slack',
			description: 'X-Slack-Signature: v0= and a hex HMAC of v0:timestamp:body',
		},
		{
			name: 'Standard Webhooks',
			value: 'standardWebhooks',
			description: 'Webhook-ID, Webhook-Timestamp, Webhook-Signature (Svix, Resend, …)',
		},
		{ name: 'Stripe', value: 'stripe', description: 'Stripe-Signature: t=…,v1=…' },
		{
			name: 'Twilio',
			value: 'twilio',
			description: 'X-Twilio-Signature: HMAC-SHA1 of URL + sorted form parameters',
		},
	],
	default: 'standardWebhooks',
	description: 'How the sender signs its requests',
};

/** Clay does not sign: the header holding the shared secret (Clay Trigger shows it without a scheme). */
export const clayHeaderProperty: INodeProperties = {
	displayName: 'Secret Header',
	name: 'clayHeader',
	type: 'string',
	default: DEFAULT_CLAY_HEADER,
	description: 'Header you add to the Clay HTTP API column, holding the credential’s secret',
};

const customProperties: INodeProperties[] = [
	{
		displayName: 'Signature Header',
		name: 'customSignatureHeader',
		description: 'Request header carrying the signature, e.g. X-Signature',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. X-Signature',
		displayOptions: forSchemes('custom'),
	},
	{
		displayName: 'Signature Prefix',
		name: 'customPrefix',
		type: 'string',
		default: '',
		placeholder: 'e.g. sha256=',
		description: 'Text before the digest in the header, if any',
		displayOptions: forSchemes('custom'),
	},
	{
		displayName: 'Algorithm',
		name: 'customAlgorithm',
		description: 'Hash function of the HMAC the sender computes',
		type: 'options',
		options: [
			{ name: 'HMAC-SHA1', value: 'sha1' },
			{ name: 'HMAC-SHA256', value: 'sha256' },
			{ name: 'HMAC-SHA512', value: 'sha512' },
		],
		default: 'sha256',
		displayOptions: forSchemes('custom'),
	},
	{
		displayName: 'Encoding',
		name: 'customEncoding',
		description: 'How the digest is written in the header',
		type: 'options',
		options: [
			{ name: 'Hex', value: 'hex' },
			{ name: 'Base64', value: 'base64' },
		],
		default: 'hex',
		displayOptions: forSchemes('custom'),
	},
	{
		displayName: 'Signed Payload',
		name: 'customPayloadTemplate',
		type: 'string',
		default: '{body}',
		placeholder: 'e.g. {timestamp}.{body}',
		description: 'What the sender signs, as a template of the request',
		hint: 'Placeholders: {body} {timestamp} {id} {method} {url}',
		displayOptions: forSchemes('custom'),
	},
	{
		displayName: 'Timestamp Header',
		name: 'customTimestampHeader',
		type: 'string',
		default: '',
		placeholder: 'e.g. X-Timestamp',
		description: 'Header carrying the send time; required when the payload uses {timestamp}',
		displayOptions: forSchemes('custom'),
	},
	{
		displayName: 'Timestamp Unit',
		name: 'customTimestampUnit',
		description: "Unit of the timestamp header's value",
		type: 'options',
		options: [
			{ name: 'Seconds', value: 's' },
			{ name: 'Milliseconds', value: 'ms' },
		],
		default: 's',
		displayOptions: forSchemes('custom'),
	},
	{
		displayName: 'ID Header',
		name: 'customIdHeader',
		type: 'string',
		default: '',
		placeholder: 'e.g. X-Event-ID',
		description:
			'Header carrying the event ID; when the signed payload includes it, it keys replay protection',
		displayOptions: forSchemes('custom'),
	},
];

/** The scheme and its settings, in the order the editor shows them. */
export const schemeProperties: INodeProperties[] = [
	schemeProperty,
	{
		displayName: 'Timestamp Tolerance (Seconds)',
		name: 'toleranceSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TOLERANCE_SECONDS,
		description: 'Requests signed further than this in the past or the future are refused',
		displayOptions: forSchemes(...TIMESTAMPED),
	},
	{
		displayName: 'Accept Legacy SHA-1 Header',
		name: 'githubAllowSha1',
		type: 'boolean',
		default: false,
		description: 'Whether to accept X-Hub-Signature (SHA-1) when X-Hub-Signature-256 is absent',
		displayOptions: forSchemes('github'),
	},
	{ ...clayHeaderProperty, displayOptions: forSchemes('clay') },
	...customProperties,
];

/** Settings every scheme shares; both nodes put them in their Options collection. */
export const maxBodyBytesOption: INodeProperties = {
	displayName: 'Max Body Size (Bytes)',
	name: 'maxBodyBytes',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_MAX_BODY_BYTES,
	description: 'Larger bodies are refused (413) before any signature is computed',
};

export const replayProtectionOption: INodeProperties = {
	displayName: 'Replay Protection',
	name: 'replayProtection',
	type: 'boolean',
	default: true,
	description:
		'Whether to refuse a request whose event ID (or, without one, whose signature) was already accepted',
};

export const maxRememberedOption: INodeProperties = {
	displayName: 'Max Remembered Requests',
	name: 'maxRemembered',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 10000,
	description:
		'How many accepted requests replay protection remembers; the oldest are forgotten first',
};
