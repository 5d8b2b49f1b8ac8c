import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { dryRunNotice, optionsProperty } from './actions/common/options.description';
import { resources } from './actions/resources';
import { router } from './actions/router';
import { loadOptions } from './methods/loadOptions';
import { resourceMapping } from './methods/resourceMapping';

const RESOURCES: INodePropertyOptions[] = [
	{ name: 'Association', value: 'association' },
	{ name: 'Company', value: 'company' },
	{ name: 'Contact', value: 'contact' },
	{ name: 'Custom Object', value: 'customObject' },
	{ name: 'Deal', value: 'deal' },
	{ name: 'Property', value: 'property' },
];

/**
 * The canvas subtitle, e.g. "Create or Update: Company": the operation and resource as the editor
 * names them (a lookup of resource:operation in a table built from the pickers), not their values.
 */
function subtitleExpression(): string {
	const names: Record<string, string> = {};
	for (const resource of resources) {
		const resourceName = RESOURCES.find((r) => r.value === resource.value)?.name ?? resource.value;
		const picker = resource.description.find((property) => property.name === 'operation');
		for (const option of (picker?.options ?? []) as INodePropertyOptions[])
			names[`${resource.value}:${String(option.value)}`] = `${option.name}: ${resourceName}`;
	}
	return `={{ (${JSON.stringify(names)})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}`;
}

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
		// 2: the record is a resource locator (ID, URL, domain, email), Define Below is a resource
		// mapper loaded from the portal, labelled associations are chosen by label.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: subtitleExpression(),
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
			{ name: 'revOpsMetricsApi', required: false },
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
				description:
					'How the node signs in to HubSpot: a private app token (one portal) or a public app via OAuth2',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: RESOURCES,
				default: 'company',
				description: 'The kind of HubSpot data to work with',
			},
			...resources.flatMap((resource) => resource.description),
			optionsProperty,
			dryRunNotice,
		],
	};

	methods = { loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
