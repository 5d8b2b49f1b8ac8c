// Issue 9, cross-execution state under concurrency on two workers: four executions upserting overlapping
// domains at once in the HubSpot node's unique-key mode create exactly one company per domain in the
// sandbox HubSpot (which enforces unique property values, as HubSpot does). Queue mode only.
import { clayRows } from '../fixtures/clayRows';
import { companyKey } from '../../nodes/shared/upsert';
import { startN8n, type N8nInstance } from '../../dev/harness';
import { startSandbox, type Sandbox } from '../../sandbox/server';

const describeQueue = process.env.N8N_MODE === 'queue' ? describe : describe.skip;
const PATH = 'queue-unique-upsert';

const workflow = {
	name: 'Queue: unique-key company upsert',
	nodes: [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: 'queue-unique-upsert',
			parameters: { httpMethod: 'POST', path: PATH, responseMode: 'lastNode', options: {} },
		},
		{
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [220, 0],
			parameters: { fieldToSplitOut: 'body.rows', options: {} },
		},
		{
			name: 'HubSpot',
			type: 'n8n-nodes-revops.hubSpotRevOps',
			typeVersion: 1,
			position: [440, 0],
			credentials: { hubSpotRevOpsPrivateAppApi: { id: '', name: 'HubSpot sandbox' } },
			parameters: {
				resource: 'company',
				operation: 'upsert',
				domain: '={{ $json.domain }}',
				upsertMode: 'uniqueKey',
				keyProperty: 'revops_domain_key',
				propertiesMode: 'define',
				propertyValues: { values: [{ name: 'name', value: '={{ $json.company_name }}' }] },
				options: { batchSize: 25 },
			},
		},
	],
	connections: {
		Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
		'Split Out': { main: [[{ node: 'HubSpot', type: 'main', index: 0 }]] },
	},
};

describeQueue('queue mode: cross-execution state on two workers', () => {
	let sandbox: Sandbox;
	let n8n: N8nInstance;

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		n8n = await startN8n({
			mode: 'queue',
			credentials: [
				{
					name: 'HubSpot sandbox',
					type: 'hubSpotRevOpsPrivateAppApi',
					data: { accessToken: 'pat-sandbox', baseUrl: sandbox.hubspotUrl },
				},
			],
			workflows: [workflow],
		});
	}, 300000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
	}, 60000);

	test('four executions upserting overlapping domains in unique-key mode create no duplicate company', async () => {
		const created = await fetch(`${sandbox.hubspotUrl}/crm/v3/properties/companies`, {
			method: 'POST',
			headers: { authorization: 'Bearer pat-sandbox', 'content-type': 'application/json' },
			body: JSON.stringify({
				name: 'revops_domain_key',
				label: 'Domain key',
				type: 'string',
				fieldType: 'text',
				groupName: 'companyinformation',
				hasUniqueValue: true,
			}),
		});
		expect(created.status).toBe(201);

		// 120 domains; each execution gets 150 rows drawn from them in its own order, so every domain is
		// upserted by several executions at about the same time.
		const rows = clayRows({ rows: 600, companies: 120, seed: 17 });
		const chunks = [0, 1, 2, 3].map((i) => rows.slice(i * 150, (i + 1) * 150));
		const domains = new Set(
			rows.map((r) => companyKey(r.domain)).flatMap((k) => ('key' in k ? [k.key] : [])),
		);

		const responses = await Promise.all(
			chunks.map((chunk) =>
				fetch(n8n.webhookUrl(PATH), {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ rows: chunk }),
				}).then((r) => r.status),
			),
		);
		expect(responses).toEqual([200, 200, 200, 200]);

		const executions = (
			await n8n.api<{ data: Array<{ id: string; status: string }> }>(
				'GET',
				`/executions?workflowId=${n8n.workflowIds[workflow.name]}&limit=10`,
			)
		).data;
		expect(executions.map((e) => e.status)).toEqual(['success', 'success', 'success', 'success']);
		const ranOn = n8n.workers.map(
			(w) => [...w.log().matchAll(/Worker started execution (\d+)/g)].length,
		);
		expect(ranOn.every((count) => count > 0)).toBe(true);

		const { results } = (await (
			await fetch(`${sandbox.adminUrl}/hubspot/objects/companies`)
		).json()) as { results: Array<{ archived?: boolean; properties: Record<string, string> }> };
		const keys = results.filter((c) => !c.archived).map((c) => c.properties.revops_domain_key);
		// One company per distinct domain: none missing, none twice.
		expect(keys.length).toBe(domains.size);
		expect(new Set(keys)).toEqual(domains);
	}, 180000);
});
