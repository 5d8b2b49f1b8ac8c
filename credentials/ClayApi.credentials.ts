import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * What the Clay node sends rows with: the auth token of a table's webhook source (Clay shows it when you
 * add one; leave it empty for a source without a token) — nothing else, since nothing else is used (Clay's
 * public API key cannot insert rows). Tested locally (`testedBy` in the Clay node): the token alone names no
 * endpoint (the webhook URL is the node's), and the only remote check would be a real submission, which
 * adds a row and counts against the source's 50,000.
 */
export class ClayApi implements ICredentialType {
	name = 'clayApi';

	displayName = 'Clay API';

	icon = { light: 'file:clay.svg', dark: 'file:clay.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-revops/n8n-nodes-revops#clay';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook Auth Token',
			name: 'webhookAuthToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Auth token of the table’s webhook source, sent as the x-clay-webhook-auth header',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'x-clay-webhook-auth': '={{$credentials.webhookAuthToken}}' } },
	};
}
