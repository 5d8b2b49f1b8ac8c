import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

// The CRM scopes the node's operations need; HubSpot also requires `oauth` on every app.
const SCOPES = [
	'oauth',
	'crm.objects.companies.read',
	'crm.objects.companies.write',
	'crm.objects.contacts.read',
	'crm.objects.contacts.write',
	'crm.objects.deals.read',
	'crm.objects.deals.write',
	'crm.objects.custom.read',
	'crm.objects.custom.write',
	'crm.schemas.companies.read',
	'crm.schemas.companies.write',
	'crm.schemas.contacts.read',
	'crm.schemas.contacts.write',
	'crm.schemas.deals.read',
	'crm.schemas.custom.read',
];

/** A HubSpot public app connected through OAuth2 (authorization code grant). */
export class HubSpotRevOpsOAuth2Api implements ICredentialType {
	name = 'hubSpotRevOpsOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'HubSpot (RevOps) OAuth2 API';

	icon = { light: 'file:hubspotRevOps.svg', dark: 'file:hubspotRevOps.dark.svg' } as const;

	documentationUrl = 'https://developers.hubspot.com/docs/api/oauth-quickstart-guide';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: 'https://app.hubspot.com/oauth/authorize',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: 'https://api.hubapi.com/oauth/v1/token',
			required: true,
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: SCOPES.join(' ') },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.hubapi.com',
			description: 'Leave as is for HubSpot; change only to use a proxy or a local HubSpot sandbox',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/crm/v3/objects/contacts',
			qs: { limit: 1 },
		},
	};
}
