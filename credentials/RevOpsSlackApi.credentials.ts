import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * A Slack bot token for Slack (RevOps): Slack → Your apps → OAuth & Permissions → Bot User OAuth Token
 * (`xoxb-…`, scope `chat:write`; invite the bot to the channels it posts to). The base URL lets a proxy or the
 * local sandbox stand in for slack.com.
 */
export class RevOpsSlackApi implements ICredentialType {
	name = 'revOpsSlackApi';

	displayName = 'Slack (RevOps) API';

	icon = { light: 'file:slackRevOps.svg', dark: 'file:slackRevOps.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-revops/n8n-nodes-revops#slack-revops';

	properties: INodeProperties[] = [
		{
			displayName: 'Bot Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'xoxb-…',
			description: 'Bot User OAuth Token with the chat:write scope',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://slack.com/api',
			description: 'Slack’s Web API; change it only for a proxy or a local stand-in',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	// Slack answers HTTP 200 with {ok: false} for a bad token: the rule reads the body.
	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/auth.test', method: 'POST' },
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'ok',
					value: false,
					message: 'Slack refused the token (auth.test answered ok: false)',
				},
			},
		],
	};
}
