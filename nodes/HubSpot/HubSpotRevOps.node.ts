import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { optionsProperty } from './actions/common/options.description';
import { resources } from './actions/resources';
import { router } from './actions/router';
import { loadOptions } from './methods/loadOptions';

/**
 * HubSpot CRM for revenue-operations pipelines: batch-first (100 records per call), company upsert by
 * normalized domain, contact upsert by email with company association, update policies, dry run,
 * and a transport that stays under HubSpot's rate limits. Records HubSpot refuses go to the Rejected
 * output; a call that cannot succeed fails the node (On Error decides what happens then).
 */
export class HubSpotRevOps implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HubSpot (RevOps)',
		name: 'hubSpotRevOps',
		icon: { light: 'file:hubspotRevOps.svg', dark: 'file:hubspotRevOps.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Batch upserts of HubSpot companies, contacts, deals and associations, rate-limit aware',
		defaults: { name: 'HubSpot (RevOps)' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Success' },
			{ type: NodeConnectionTypes.Main, displayName: 'Rejected' },
		],
		usableAsTool: true,
		credentials: [
			{
				name: 'hubSpotRevOpsPrivateAppApi',
				required: true,
				displayOptions: { show: { authentication: ['privateAppToken'] } },
			},
			{
				name: 'hubSpotRevOpsOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Private App Token', value: 'privateAppToken' },
					{ name: 'OAuth2', value: 'oAuth2' },
				],
				default: 'privateAppToken',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Association', value: 'association' },
					{ name: 'Company', value: 'company' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Custom Object', value: 'customObject' },
					{ name: 'Deal', value: 'deal' },
					{ name: 'Property', value: 'property' },
				],
				default: 'company',
			},
			...resources.flatMap((resource) => resource.description),
			optionsProperty,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
