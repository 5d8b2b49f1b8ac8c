import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

const survivorshipOptions: INodePropertyOptions[] = [
	{ name: 'First Non-Empty Value', value: 'first', description: 'In input order' },
	{
		name: 'Most Recent Non-Empty Value',
		value: 'mostRecent',
		description: 'From the record with the latest date',
	},
	{
		name: 'Most Complete Value',
		value: 'mostComplete',
		description: 'The longest text, list or object',
	},
];

const keyFields: INodeProperties[] = [
	{
		displayName: 'Match On',
		name: 'kind',
		description: 'What makes two records the same company or person',
		type: 'options',
		options: [
			{
				name: 'Company Name',
				value: 'companyName',
				description: 'Accents, punctuation and legal forms (Inc, GmbH, S.A.) are ignored',
			},
			{
				name: 'Domain',
				value: 'domain',
				description:
					'From a URL, an email or a bare domain, reduced to the registrable domain (shop.acme.co.uk → acme.co.uk)',
			},
			{
				name: 'Email',
				value: 'email',
				description: 'Compared without case; plus tags and Gmail dots optionally ignored',
			},
			{ name: 'Field Value', value: 'field', description: 'Any field, compared as text' },
			{
				name: 'Phone',
				value: 'phone',
				description: 'Digits only, with a default country code for national numbers',
			},
		],
		default: 'domain',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'string',
		default: 'domain, website, email',
		placeholder: 'e.g. website, email or properties.domain',
		description:
			'Comma-separated fields to read the value from; the first one with a value is used, dots reach into nested objects',
	},
	{
		displayName: 'Treat Free-Mail Domains as Companies',
		name: 'freeMailIsKey',
		type: 'boolean',
		default: false,
		description:
			'Whether gmail.com, outlook.com and other free-mail domains count as a match. Off, they are no company: the record falls through to the next key.',
		displayOptions: { show: { kind: ['domain'] } },
	},
	{
		displayName: 'Ignore Plus Tags',
		name: 'stripPlusTag',
		type: 'boolean',
		default: false,
		description: 'Whether jo+news@acme.com matches jo@acme.com',
		displayOptions: { show: { kind: ['email'] } },
	},
	{
		displayName: 'Ignore Gmail Dots',
		name: 'ignoreGmailDots',
		type: 'boolean',
		default: false,
		description:
			'Whether j.o.smith@gmail.com matches josmith@gmail.com (Gmail ignores dots; googlemail.com is gmail.com)',
		displayOptions: { show: { kind: ['email'] } },
	},
	{
		displayName: 'Default Country Code',
		name: 'defaultCountryCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1 or 44',
		description:
			'Calling code for numbers written without one, so 020 7946 0000 and +44 20 7946 0000 match',
		displayOptions: { show: { kind: ['phone'] } },
	},
	{
		displayName: 'Case Sensitive',
		name: 'caseSensitive',
		type: 'boolean',
		default: false,
		description: 'Whether to compare the text exactly; off, case and extra spaces are ignored',
		displayOptions: { show: { kind: ['field'] } },
	},
	{
		displayName: 'Combine With Next Key',
		name: 'combineWithNext',
		type: 'boolean',
		default: false,
		description:
			'Whether records must also match on the next key (a composite key such as company name + country). Off, the next key is a fallback for records without a value for this one.',
	},
];

export const properties: INodeProperties[] = [
	{
		displayName: 'Keys',
		name: 'keys',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Key',
		default: { key: [{ kind: 'domain', fields: 'domain, website, email' }] },
		description:
			'What makes two records the same. Keys are tried top to bottom: each record is matched on the first key it has a value for.',
		options: [{ displayName: 'Key', name: 'key', values: keyFields }],
	},
	{
		displayName: 'Keep',
		name: 'keep',
		type: 'options',
		options: [
			{
				name: 'Most Recent',
				value: 'mostRecent',
				description: 'The record with the latest date in the date field',
			},
			{ name: 'First', value: 'first', description: 'The first record in input order' },
			{
				name: 'Most Complete',
				value: 'mostComplete',
				description: 'The record with the most filled-in fields',
			},
			{
				name: 'Merge All Into One',
				value: 'merge',
				description: 'One record with, for each field, the value chosen by the survivorship rule',
			},
		],
		default: 'mostRecent',
		description:
			'Which record of each group of duplicates goes to the Kept output; the others go to Duplicates',
	},
	{
		displayName: 'Date Field',
		name: 'dateField',
		type: 'string',
		default: 'updatedAt',
		placeholder: 'e.g. updatedAt or properties.hs_lastmodifieddate',
		description:
			'Field with the date that decides which record or value is most recent (ISO 8601 or epoch); when it is used, a record without a valid date is an error on that item',
		displayOptions: { show: { keep: ['mostRecent', 'merge'] } },
	},
	{
		displayName: 'Survivorship',
		name: 'survivorship',
		type: 'options',
		options: survivorshipOptions,
		default: 'mostRecent',
		description: 'Which value each field of the merged record takes',
		displayOptions: { show: { keep: ['merge'] } },
	},
	{
		displayName: 'Field Rules',
		name: 'fieldRules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field Rule',
		default: {},
		description: 'Survivorship for particular fields, overriding the rule above',
		displayOptions: { show: { keep: ['merge'] } },
		options: [
			{
				displayName: 'Rule',
				name: 'rule',
				values: [
					{
						displayName: 'Field',
						name: 'field',
						description: 'Field this rule applies to (dots reach into nested fields)',
						type: 'string',
						default: '',
						placeholder: 'e.g. phone or properties.industry',
					},
					{
						displayName: 'Value',
						name: 'survivorship',
						description: "Which record's value the merged record keeps for this field",
						type: 'options',
						options: survivorshipOptions,
						default: 'first',
					},
				],
			},
		],
	},
	{
		displayName: 'Fuzzy Company Names',
		name: 'fuzzyNames',
		type: 'boolean',
		default: false,
		description:
			'Whether records with similar company names also match, but only inside the same domain (e.g. "Acme Corp" and "ACME Corporation" at acme.com)',
	},
	{
		displayName: 'Similarity',
		name: 'similarity',
		description: 'How company names are compared when Fuzzy Company Names is on',
		type: 'options',
		options: [
			{
				name: 'Jaro-Winkler',
				value: 'jaroWinkler',
				description: 'Good for typos and shared prefixes',
			},
			{ name: 'Token Set', value: 'tokenSet', description: 'Good for reordered or extra words' },
		],
		default: 'jaroWinkler',
		displayOptions: { show: { fuzzyNames: [true] } },
	},
	{
		displayName: 'Threshold',
		name: 'threshold',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 0.95,
		description:
			'Minimum similarity (0–1) for two names to match; the score is reported on each duplicate',
		displayOptions: { show: { fuzzyNames: [true] } },
	},
	{
		displayName: 'Company Name Fields',
		name: 'nameFields',
		type: 'string',
		default: 'name, company',
		description: 'Comma-separated fields holding the company name',
		displayOptions: { show: { fuzzyNames: [true] } },
	},
	{
		displayName: 'Domain Fields',
		name: 'domainFields',
		type: 'string',
		default: 'domain, website, email',
		description:
			'Comma-separated fields holding the domain, URL or email that decides which names are compared',
		displayOptions: { show: { fuzzyNames: [true] } },
	},
	{
		displayName: 'Remove Keys Seen in Earlier Executions',
		name: 'acrossExecutions',
		type: 'boolean',
		default: false,
		description:
			'Whether records whose key an earlier execution already kept also go to Duplicates. n8n stores the keys (hashed) in its database.',
	},
	{
		displayName: 'Remember Keys Per',
		name: 'scope',
		description: 'Whose earlier executions count when looking for keys already kept',
		type: 'options',
		options: [
			{ name: 'Node', value: 'node', description: 'Only this node’s earlier executions count' },
			{
				name: 'Workflow',
				value: 'workflow',
				description:
					'Keys kept by any node of this workflow that remembers keys per workflow count',
			},
		],
		default: 'node',
		displayOptions: { show: { acrossExecutions: [true] } },
	},
	{
		displayName: 'History Size',
		name: 'historySize',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10000,
		description:
			'How many keys to remember; beyond it the oldest are forgotten and could pass again',
		displayOptions: { show: { acrossExecutions: [true] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Duplicate Info Field',
				name: 'duplicateField',
				type: 'string',
				default: 'duplicateOf',
				description:
					'Field added to each duplicate with the kept item, the match reason and the score',
			},
			{
				displayName: 'Link Fallback Keys',
				name: 'joinFallbackKeys',
				type: 'boolean',
				default: true,
				description:
					'Whether a record matched by a fallback key (e.g. a company name, having no domain) also joins the one group of the input whose records have that name under an earlier key (e.g. the stripe.com group). Ambiguous names join nothing.',
			},
			{
				displayName: 'Records Without a Key',
				name: 'missingKey',
				type: 'options',
				options: [
					{
						name: 'Keep Them',
						value: 'keep',
						description: 'Pass them to Kept, matched with nothing',
					},
					{
						name: 'Fail Them',
						value: 'error',
						description: 'Report each as an error naming the fields to fill',
					},
				],
				default: 'keep',
				description:
					'What happens to a record with no value for any key (a value that is there but invalid is always an error)',
			},
		],
	},
];
