import type { INodeProperties } from 'n8n-workflow';

const MILESTONE_MODELS = ['uShaped', 'wShaped', 'fullPath', 'custom'];
const DEAL_MODELS = ['wShaped', 'fullPath', 'custom'];

const weight = (
	name: string,
	displayName: string,
	value: number,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 4 },
	default: value,
	description,
	displayOptions: { show: { model: ['custom'] } },
});

export const properties: INodeProperties[] = [
	{
		displayName: 'Input',
		name: 'input',
		description:
			'How the touchpoints arrive: one item per touch, or one item per contact with its touches in a list',
		type: 'options',
		options: [
			{
				name: 'One Item per Touchpoint',
				value: 'touchpointItems',
				description: 'Each item is one touch; items are grouped into journeys by the contact field',
			},
			{
				name: 'One Item per Contact',
				value: 'contactItems',
				description: 'Each item is a contact with a list of touchpoint objects',
			},
		],
		default: 'touchpointItems',
	},
	{
		displayName: 'Contact Field',
		name: 'contactField',
		type: 'string',
		default: 'email',
		description:
			'Field identifying the contact, e.g. email or contact ID. Required with one item per touchpoint; with one item per contact it only labels the output.',
	},
	{
		displayName: 'Touchpoints Field',
		name: 'touchpointsField',
		type: 'string',
		default: 'touchpoints',
		description: 'Field holding the contact’s list of touchpoint objects',
		displayOptions: { show: { input: ['contactItems'] } },
	},
	{
		displayName: 'Timestamp Field',
		name: 'timestampField',
		type: 'string',
		default: 'timestamp',
		description:
			'Field of each touchpoint with the date it happened (ISO 8601 or epoch); touches with equal dates keep their input order',
	},
	{
		displayName: 'Channel Field',
		name: 'channelField',
		type: 'string',
		default: 'channel',
		description: 'Field of each touchpoint with its channel, e.g. paid_search or email',
	},
	{
		displayName: 'Campaign Field',
		name: 'campaignField',
		type: 'string',
		default: 'campaign',
		description: 'Field of each touchpoint with its campaign; may be empty',
	},
	{
		displayName: 'Model',
		name: 'model',
		description: "How a conversion's credit is split across the touches before it",
		type: 'options',
		options: [
			{
				name: 'Custom Weights',
				value: 'custom',
				description: 'Your weights for first, lead, deal, last and middle touches',
			},
			{ name: 'First Touch', value: 'firstTouch', description: 'All credit to the first touch' },
			{
				name: 'Full Path',
				value: 'fullPath',
				description:
					'22.5% each to the first, lead-creation, deal-creation and last touches, 10% to the rest',
			},
			{
				name: 'Last Touch',
				value: 'lastTouch',
				description: 'All credit to the last touch before the conversion',
			},
			{ name: 'Linear', value: 'linear', description: 'Equal credit to every touch' },
			{
				name: 'Position-Based (40/20/40)',
				value: 'positionBased',
				description: '40% first, 40% last, 20% shared by the touches between',
			},
			{
				name: 'Time Decay',
				value: 'timeDecay',
				description: 'A touch counts half as much for every half-life before the conversion',
			},
			{
				name: 'U-Shaped',
				value: 'uShaped',
				description: '40% first, 40% lead-creation touch, 20% the rest',
			},
			{
				name: 'W-Shaped',
				value: 'wShaped',
				description: '30% each to the first, lead-creation and deal-creation touches, 10% the rest',
			},
		],
		default: 'positionBased',
	},
	{
		displayName: 'Half-Life (Hours)',
		name: 'halfLifeHours',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 168,
		description:
			'A touch this long before the last one gets half its credit; HubSpot uses 7 days (168 hours)',
		displayOptions: { show: { model: ['timeDecay'] } },
	},
	weight(
		'firstWeight',
		'First Touch Weight',
		40,
		'Weight of the first touch; weights are relative, so 40/20/40 equals 0.4/0.2/0.4',
	),
	weight(
		'leadWeight',
		'Lead-Creation Touch Weight',
		0,
		'Weight of the last touch on or before the lead was created',
	),
	weight(
		'dealWeight',
		'Deal-Creation Touch Weight',
		0,
		'Weight of the last touch on or before the deal was created',
	),
	weight('lastWeight', 'Last Touch Weight', 40, 'Weight of the last touch before the conversion'),
	weight('middleWeight', 'Middle Touches Weight', 20, 'Weight shared equally by all other touches'),
	{
		displayName: 'Lead Created Field',
		name: 'leadCreatedField',
		type: 'string',
		default: 'leadCreatedAt',
		description:
			'Field with the date the contact became a lead; it locates the lead-creation touch. It may sit on any one touchpoint item of the contact.',
		displayOptions: { show: { model: MILESTONE_MODELS } },
	},
	{
		displayName: 'Deal Created Field',
		name: 'dealCreatedField',
		type: 'string',
		default: 'dealCreatedAt',
		description: 'Field with the date the deal was created; it locates the deal-creation touch',
		displayOptions: { show: { model: DEAL_MODELS } },
	},
	{
		displayName: 'Conversion Date Field',
		name: 'conversionTimeField',
		type: 'string',
		default: '',
		placeholder: 'e.g. closedAt',
		description:
			'Field with the date of the conversion; touches after it get no credit. Leave empty to count every touch.',
	},
	{
		displayName: 'Conversion Value Field',
		name: 'conversionValueField',
		type: 'string',
		default: '',
		placeholder: 'e.g. amount',
		description:
			'Field with the conversion’s value, split between the touches by credit. Leave empty to count conversions only.',
	},
	{
		displayName: 'Aggregate By',
		name: 'aggregateBy',
		type: 'options',
		options: [
			{ name: 'Campaign', value: 'campaign' },
			{ name: 'Channel', value: 'channel' },
			{ name: 'Channel and Campaign', value: 'channelAndCampaign' },
		],
		default: 'channelAndCampaign',
		description:
			'Rows of the Aggregate output: credited conversions and value summed per channel, campaign or both',
	},
];
