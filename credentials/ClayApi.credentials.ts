import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * What the Clay node sends rows with: the auth token of a table's webhook source (Clay shows it when you
 * add one; leave it empty for a source without a token). The public API key is optional and is not used
 * to push rows (Clay's public API cannot insert them). Tested locally (`testedBy` in the Clay node): the
 * only remote check would be a real submission, which counts against the source's 50,000.
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
		{
			displayName: 'Public API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Optional Clay public API key (header clay-api-key); not needed to push rows',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'x-clay-webhook-auth': '={{$credentials.webhookAuthToken}}' } },
	};
}
