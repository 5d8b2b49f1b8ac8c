// HubSpot (RevOps) version 2 in a real n8n: the company is found by its domain (resource locator) and
// its properties are written through the resource mapper, with expressions per item; the record given by a
// HubSpot URL is read back. On both supported n8n lines. Version 1 workflows are covered by the templates.
import { startN8n, type N8nInstance } from '../../dev/harness';
import { executionsOf, sandboxAdmin, waitFor, type Execution } from '../../dev/stack/support';
import { startSandbox, type Sandbox } from '../../sandbox/server';

const hubspot = (name: string, position: number, parameters: Record<string, unknown>) => ({
	name,
	type: 'n8n-nodes-revops.hubSpotRevOps',
	typeVersion: 2,
	position: [position, 0],
	credentials: { hubSpotRevOpsPrivateAppApi: { id: '', name: 'HubSpot sandbox' } },
	parameters: { resource: 'company', ...parameters },
});

const WORKFLOW = {
	name: 'HubSpot v2: update by domain, read by URL',
	nodes: [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: 'hubspot-v2',
			parameters: { httpMethod: 'POST', path: 'hubspot-v2', responseMode: 'lastNode', options: {} },
		},
		{
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [220, 0],
			parameters: { fieldToSplitOut: 'body.rows', options: {} },
		},
		hubspot('Update by domain', 440, {
			operation: 'update',
			recordId: { __rl: true, mode: 'domain', value: '={{ $json.site }}' },
			propertiesMode: 'define',
			propertyMapping: {
				mappingMode: 'defineBelow',
				value: { industry: '={{ $json.industry }}', numberofemployees: '={{ $json.size }}' },
				matchingColumns: [],
				schema: [],
			},
			options: {},
		}),
		hubspot('Read by URL', 660, {
			operation: 'get',
			recordId: {
				__rl: true,
				mode: 'url',
				value: '=https://app.hubspot.com/contacts/1234567/record/0-2/{{ $json.id }}',
			},
			options: { properties: ['name', 'domain', 'industry', 'numberofemployees'] },
		}),
	],
	connections: {
		Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
		'Split Out': { main: [[{ node: 'Update by domain', type: 'main', index: 0 }]] },
		'Update by domain': { main: [[{ node: 'Read by URL', type: 'main', index: 0 }]] },
	},
};

describe.each(['2', '1'] as const)('HubSpot (RevOps) version 2 in a real n8n %s.x', (line) => {
	let sb: Sandbox;
	let n8n: N8nInstance;

	const admin = (method: string, path: string, body?: unknown) =>
		sandboxAdmin(sb, method, path, body);

	beforeAll(async () => {
		sb = await startSandbox({ port: 0 });
		n8n = await startN8n({
			line,
			credentials: [
				{
					name: 'HubSpot sandbox',
					type: 'hubSpotRevOpsPrivateAppApi',
					// n8n 1.123's public API asks for this on credentials the HTTP Request node can use; 2.41 ignores it.
					data: {
						accessToken: 'pat-sandbox',
						baseUrl: sb.hubspotUrl,
						allowedHttpRequestDomains: 'all',
					},
				},
			],
			workflows: [WORKFLOW],
		});
	}, 300000);

	afterAll(async () => {
		await n8n?.stop();
		await sb?.close();
	}, 60000);

	test('companies found by domain are updated through the mapper, then read back by their URL', async () => {
		await admin('POST', '/seed', {
			hubspot: {
				records: {
					companies: [
						{ name: 'Acme', domain: 'acme.com' },
						{ name: 'Initech', domain: 'initech.com' },
					],
				},
			},
		});
		const response = await fetch(n8n.webhookUrl('hubspot-v2'), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				rows: [
					{ site: 'https://www.Acme.com/about', industry: 'COMPUTER_SOFTWARE', size: 120 },
					{ site: 'initech.com', industry: 'INFORMATION_TECHNOLOGY_AND_SERVICES', size: 45 },
				],
			}),
		});
		expect(response.status).toBe(200);
		const [latest] = await waitFor('the execution', async () => {
			const list = await executionsOf(n8n, n8n.workflowIds[WORKFLOW.name]);
			return list.length && list[0].status !== 'running' ? list : undefined;
		});
		const execution = await n8n.api<Execution>('GET', `/executions/${latest.id}?includeData=true`);
		expect(execution.status).toBe('success');
		const read = execution.data.resultData.runData['Read by URL'][0].data.main[0].map(
			(item: { json: { properties: Record<string, string> } }) => item.json.properties,
		);
		expect(read).toEqual([
			expect.objectContaining({
				domain: 'acme.com',
				industry: 'COMPUTER_SOFTWARE',
				numberofemployees: '120',
			}),
			expect.objectContaining({
				domain: 'initech.com',
				industry: 'INFORMATION_TECHNOLOGY_AND_SERVICES',
				numberofemployees: '45',
			}),
		]);
		const stored = (await admin('GET', '/hubspot/objects/companies')).results;
		expect(stored).toHaveLength(2);
	}, 120000);
});
