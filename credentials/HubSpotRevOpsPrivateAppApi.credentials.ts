import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * A HubSpot private-app access token (Settings → Integrations → Private Apps). The base URL is a
 * field so that a local HubSpot (the package's sandbox) or a proxy can stand in for api.hubapi.com.
 */
export class HubSpotRevOpsPrivateAppApi implements ICredentialType {
	name = 'hubSpotRevOpsPrivateAppApi';

	displayName = 'HubSpot (RevOps) Private App API';

	icon = { light: 'file:hubspotRevOps.svg', dark: 'file:hubspotRevOps.dark.svg' } as const;

	documentationUrl = 'https://developers.hubspot.com/docs/api/private-apps';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The private app token (pat-…) with the CRM object, schema and association scopes you use',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.hubapi.com',
			description: 'Leave as is for HubSpot; change only to use a proxy or a local HubSpot sandbox',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/crm/v3/objects/contacts',
			qs: { limit: 1 },
		},
	};
}
