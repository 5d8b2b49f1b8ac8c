import type { INodeProperties } from 'n8n-workflow';

export const properties: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'string',
		required: true,
		default: '',
		placeholder: '#revops-alerts',
		description: 'Channel name (with #) or ID; the bot must be a member of it',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The message, in Slack’s mrkdwn (*bold*, _italic_, &lt;URL|link&gt;)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Max Attempts',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 4,
				description:
					'Tries per message in all: a 429 waits for Slack’s Retry-After, 5xx and network failures back off',
			},
			{
				displayName: 'Messages per Second (per Channel)',
				name: 'messagesPerSecond',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description:
					'Slack allows about one message per second per channel; executions in this n8n share the pace',
			},
			{
				displayName: 'Thread Timestamp',
				name: 'threadTs',
				type: 'string',
				default: '',
				description: 'Reply in the thread of this message (its ts)',
			},
			{
				displayName: 'Unfurl Links',
				name: 'unfurlLinks',
				type: 'boolean',
				default: false,
				description: 'Whether Slack shows previews of links in the message',
			},
		],
	},
];
