import type { INodeProperties } from 'n8n-workflow';

export const componentFields: INodeProperties[] = [
	{
		displayName: 'Field',
		name: 'field',
		type: 'string',
		default: '',
		placeholder: 'e.g. intent or enrichment_data.fit',
		description: 'Field of the input item to read; dots reach into nested objects',
	},
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		default: '',
		description: 'Name shown in the explanation; defaults to the field',
	},
	{
		displayName: 'Weight',
		name: 'weight',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 1,
		description: 'Relative weight; weights need not sum to 1, they are normalised',
	},
	{
		displayName: 'Normalization',
		name: 'normalization',
		description: "How the field's value becomes a 0–100 score before it is weighted",
		type: 'options',
		options: [
			{ name: 'Already 0–100', value: 'percent', description: 'Numbers outside 0–100 are clamped' },
			{
				name: 'Boolean',
				value: 'boolean',
				description: 'True, yes or 1 score 100; false, no or 0 score 0',
			},
			{
				name: 'Lookup Map',
				value: 'lookup',
				description: 'Map text values to scores, e.g. {"enterprise": 100}',
			},
			{
				name: 'Min–Max',
				value: 'minMax',
				description: 'Scale linearly from a min (0) to a max (100)',
			},
			{
				name: 'Recency of a Date',
				value: 'recency',
				description: 'Halves with every half-life of age',
			},
		],
		default: 'percent',
	},
	{
		displayName: 'Min',
		name: 'min',
		description: 'Value that scores 0; values below it are clamped to 0',
		type: 'number',
		default: 0,
		displayOptions: { show: { normalization: ['minMax'] } },
	},
	{
		displayName: 'Max',
		name: 'max',
		description: 'Value that scores 100; values above it are clamped to 100',
		type: 'number',
		default: 100,
		displayOptions: { show: { normalization: ['minMax'] } },
	},
	{
		displayName: 'Lookup Map (JSON)',
		name: 'lookup',
		type: 'json',
		default: '{\n  "enterprise": 100,\n  "mid-market": 70,\n  "smb": 40\n}',
		description: 'Object from value (case-insensitive) to a 0–100 score',
		displayOptions: { show: { normalization: ['lookup'] } },
	},
	{
		displayName: 'Score for Unmapped Values',
		name: 'lookupFallback',
		type: 'number',
		default: -1,
		description: 'Score for values not in the map; -1 treats them as an error on that item',
		displayOptions: { show: { normalization: ['lookup'] } },
	},
	{
		displayName: 'Half-Life (Days)',
		name: 'halfLifeDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		description: 'A date this many days old scores 50, twice as old 25',
		displayOptions: { show: { normalization: ['recency'] } },
	},
	{
		displayName: 'When Missing',
		name: 'missing',
		type: 'options',
		options: [
			{ name: 'Skip and Renormalize Weights', value: 'skip' },
			{ name: 'Treat as 0', value: 'zero' },
			{ name: 'Error', value: 'error' },
		],
		default: 'skip',
		description: 'Missing means absent, null, "", "N/A" or "null"',
	},
];

export const properties: INodeProperties[] = [
	{
		displayName: 'Components',
		name: 'components',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Component',
		default: {
			component: [
				{
					field: 'intent',
					label: 'Intent',
					weight: 0.4,
					normalization: 'percent',
					missing: 'skip',
				},
				{ field: 'fit', label: 'Fit', weight: 0.6, normalization: 'percent', missing: 'skip' },
			],
		},
		description: 'Weighted parts of the score; the default is intent × 0.4 + fit × 0.6',
		options: [{ displayName: 'Component', name: 'component', values: componentFields }],
	},
	{
		displayName: 'Tiers',
		name: 'tiers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Tier',
		default: {
			tier: [
				{ name: 'hot', min: 80 },
				{ name: 'warm', min: 50 },
			],
		},
		description: 'A score reaching a tier’s minimum gets the highest such tier',
		options: [
			{
				displayName: 'Tier',
				name: 'tier',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						description: 'Tier name written to the tier field, e.g. hot',
					},
					{
						displayName: 'Minimum Score',
						name: 'min',
						type: 'number',
						default: 0,
						description: 'Lowest score (0–100) that reaches this tier',
					},
				],
			},
		],
	},
	{
		displayName: 'Tier Below All Thresholds',
		name: 'fallbackTier',
		description: "Tier name for a score below every tier's minimum",
		type: 'string',
		default: 'cold',
	},
	{
		displayName: 'One Output per Tier',
		name: 'splitByTier',
		type: 'boolean',
		default: false,
		description: 'Whether to route each item to the output of its tier (highest tier first)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Decimals',
				name: 'decimals',
				description: 'Decimal places the score is rounded to',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 6 },
				default: 1,
			},
			{
				displayName: 'Explanation Field',
				name: 'explanationField',
				description:
					"Output field holding each component's contribution (with Include Explanation on)",
				type: 'string',
				default: 'signal_explanation',
			},
			{
				displayName: 'Include Explanation',
				name: 'explain',
				type: 'boolean',
				default: true,
				description:
					'Whether to add each component’s value, normalised score, weight and contribution',
			},
			{
				displayName: 'Score Field',
				name: 'scoreField',
				type: 'string',
				default: 'signal_score',
				description: 'Output field holding the 0–100 score',
			},
			{
				displayName: 'Tier Field',
				name: 'tierField',
				type: 'string',
				default: 'signal_tier',
				description: 'Output field holding the tier name',
			},
		],
	},
];
