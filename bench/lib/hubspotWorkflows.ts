// The two workflows the HubSpot benchmark runs: the recipe with this package's node, and the same
// recipe as a user builds it with n8n's built-in HubSpot node (v2.2), which works one record at a time.
import type { WorkflowJson } from '../../dev/harness';

const webhook = (path: string) => ({
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	webhookId: path,
	parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
});

const rows = {
	name: 'Rows',
	type: 'n8n-nodes-base.splitOut',
	typeVersion: 1,
	position: [200, 0],
	parameters: { fieldToSplitOut: 'body.rows', options: {} },
};

const link = (to: string, index = 0) => ({ node: to, type: 'main', index });

/**
 * `metrics`: the nodes hold the RevOps Metrics API credential (they measure and flush); `options`: added to
 * both nodes' Options (e.g. a higher rate limit).
 */
export function revopsWorkflow(
	variant: {
		name?: string;
		path?: string;
		metrics?: boolean;
		options?: Record<string, unknown>;
	} = {},
): WorkflowJson {
	const credentials = {
		hubSpotRevOpsPrivateAppApi: { id: '', name: '' },
		...(variant.metrics ? { revOpsMetricsApi: { id: '', name: '' } } : {}),
	};
	const extra = variant.options ?? {};
	return {
		name: variant.name ?? 'Bench: HubSpot (RevOps) recipe',
		nodes: [
			webhook(variant.path ?? 'bench-revops'),
			rows,
			{
				name: 'Upsert companies',
				type: 'n8n-nodes-revops.hubSpotRevOps',
				typeVersion: 1,
				position: [400, 0],
				credentials,
				parameters: {
					resource: 'company',
					operation: 'upsert',
					domain: '={{ $json.domain }}',
					propertiesMode: 'define',
					propertyValues: { values: [{ name: 'name', value: '={{ $json.company_name }}' }] },
					// The row's fields travel on, so the contact step reads everything from $json.
					options: { includeInputFields: true, ...extra },
				},
			},
			{
				name: 'Upsert contacts',
				type: 'n8n-nodes-revops.hubSpotRevOps',
				typeVersion: 1,
				position: [600, 0],
				credentials,
				parameters: {
					resource: 'contact',
					operation: 'upsert',
					email: '={{ $json.email }}',
					associateWithCompany: 'companyId',
					companyId: '={{ $json.hubspot.id }}',
					propertiesMode: 'define',
					propertyValues: {
						values: ['firstname', 'lastname', 'jobtitle'].map((name) => ({
							name,
							value: `={{ $json.${name} }}`,
						})),
					},
					options: { ...extra },
				},
			},
		],
		connections: {
			Webhook: { main: [[link('Rows')]] },
			Rows: { main: [[link('Upsert companies')]] },
			'Upsert companies': { main: [[link('Upsert contacts')], []] },
		},
	};
}

/** n8n's own retry, so that the built-in node's first 429 does not end the run. */
const retry = { retryOnFail: true, maxTries: 5, waitBetweenTries: 5000 };

const builtin = (
	name: string,
	x: number,
	y: number,
	parameters: Record<string, unknown>,
	extra: Record<string, unknown> = {},
) => ({
	name,
	type: 'n8n-nodes-base.hubspot',
	typeVersion: 2.2,
	position: [x, y],
	credentials: { hubspotAppToken: { id: '', name: '' } },
	parameters: { authentication: 'appToken', ...parameters },
	...retry,
	...extra,
});

export function builtinWorkflow(): WorkflowJson {
	// Batch size 1: each row's search may return nothing, and only a one-item run lets
	// "Always Output Data" stand in for "not found".
	const row = (field: string) => `={{ $('Loop').first().json.${field} }}`;
	// The built-in node searches the domain as given (a URL path makes it a 404): the clean-up a user adds.
	const domain =
		"={{ $('Loop').first().json.domain.toLowerCase().replace(/^https?:\\/\\//, '').replace(/^www\\./, '').split('/')[0] }}";
	return {
		name: 'Bench: built-in HubSpot recipe',
		nodes: [
			webhook('bench-builtin'),
			rows,
			{
				name: 'Loop',
				type: 'n8n-nodes-base.splitInBatches',
				typeVersion: 3,
				position: [400, 0],
				parameters: { batchSize: 1, options: {} },
			},
			builtin(
				'Search company',
				600,
				100,
				{
					resource: 'company',
					operation: 'searchByDomain',
					domain,
					returnAll: false,
					limit: 1,
					options: {},
				},
				{ alwaysOutputData: true },
			),
			{
				name: 'Found?',
				type: 'n8n-nodes-base.if',
				typeVersion: 2,
				position: [800, 100],
				parameters: {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'loose' },
						conditions: [
							{
								id: 'found',
								leftValue: '={{ $json.companyId ? String($json.companyId) : "" }}',
								rightValue: '',
								operator: { type: 'string', operation: 'notEmpty', singleValue: true },
							},
						],
						combinator: 'and',
					},
					options: {},
				},
			},
			builtin('Update company', 1000, 0, {
				resource: 'company',
				operation: 'update',
				companyId: { __rl: true, mode: 'id', value: '={{ $json.companyId }}' },
				updateFields: { name: row('company_name') },
			}),
			builtin('Create company', 1000, 200, {
				resource: 'company',
				operation: 'create',
				name: row('company_name'),
				additionalFields: { companyDomainName: domain },
			}),
			builtin('Upsert contact', 1200, 100, {
				resource: 'contact',
				operation: 'upsert',
				email: row('email'),
				additionalFields: {
					associatedCompanyId: '={{ $json.companyId }}',
					firstName: row('firstname'),
					lastName: row('lastname'),
					jobTitle: row('jobtitle'),
				},
				options: {},
			}),
		],
		connections: {
			Webhook: { main: [[link('Rows')]] },
			Rows: { main: [[link('Loop')]] },
			Loop: { main: [[], [link('Search company')]] },
			'Search company': { main: [[link('Found?')]] },
			'Found?': { main: [[link('Update company')], [link('Create company')]] },
			'Update company': { main: [[link('Upsert contact')]] },
			'Create company': { main: [[link('Upsert contact')]] },
			'Upsert contact': { main: [[link('Loop')]] },
		},
	};
}
