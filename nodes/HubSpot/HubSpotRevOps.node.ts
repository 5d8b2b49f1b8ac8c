import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { router } from './actions/router';
import { associationProperties } from './descriptions/association';
import { optionsProperty } from './descriptions/options';
import { propertyProperties } from './descriptions/property';
import { recordProperties } from './descriptions/record';
import { resourceProperties } from './descriptions/resource';
import { loadOptions } from './methods/loadOptions';

/**
 * HubSpot CRM for revenue-operations pipelines: batch-first (100 records per call), company upsert by
 * normalized domain, contact upsert by email with company association, update policies, dry run,
 * and a transport that stays under HubSpot's rate limits. Per-item failures go to the Errors output.
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
			{ type: NodeConnectionTypes.Main, displayName: 'Errors' },
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
			...resourceProperties,
			...recordProperties,
			...associationProperties,
			...propertyProperties,
			optionsProperty,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
