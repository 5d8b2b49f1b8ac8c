// What a user sees when a HubSpot (RevOps) or Clay call cannot succeed, in a real n8n: with a wrong token
// the execution turns red with the service's message and what to check; with On Error → Continue (using
// error output) the items come out of n8n's error output with their input fields and the error, and the
// execution is green. A record HubSpot refuses inside a good batch stays data on the Rejected output.
import { startN8n, type N8nInstance } from '../../dev/harness';
import { executionsOf, sandboxAdmin, waitFor, type Execution } from '../../dev/stack/support';
import { startSandbox, type Sandbox } from '../../sandbox/server';

const ROWS = [
	{ domain: 'acme.com', company_name: 'Acme' },
	{ domain: 'globex.com', company_name: 'Globex' },
];

const webhook = (path: string) => ({
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	webhookId: path,
	parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
});
const splitOut = {
	name: 'Split Out',
	type: 'n8n-nodes-base.splitOut',
	typeVersion: 1,
	position: [220, 0],
	parameters: { fieldToSplitOut: 'body.rows', options: {} },
};
const marker = (name: string, y: number) => ({
	name,
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [700, y],
	parameters: {},
});
const hubspot = (credential: string, onError?: string) => ({
	name: 'HubSpot',
	type: 'n8n-nodes-revops.hubSpotRevOps',
	typeVersion: 1,
	position: [440, 0],
	...(onError ? { onError } : {}),
	credentials: { hubSpotRevOpsPrivateAppApi: { id: '', name: credential } },
	parameters: {
		resource: 'company',
		operation: 'upsert',
		domain: '={{ $json.domain }}',
		propertiesMode: 'define',
		propertyValues: { values: [{ name: 'name', value: '={{ $json.company_name }}' }] },
		options: { retryBaseDelayMs: 10 },
	},
});
const outputsTo = (from: string, targets: string[]) => ({
	[from]: { main: targets.map((node) => [{ node, type: 'main', index: 0 }]) },
});

const WORKFLOWS = [
	{
		name: 'Errors: wrong HubSpot token',
		nodes: [webhook('errors-hubspot-red'), splitOut, hubspot('HubSpot wrong token')],
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			...outputsTo('Split Out', ['HubSpot']),
		},
	},
	{
		name: 'Errors: wrong HubSpot token, error output',
		nodes: [
			webhook('errors-hubspot-output'),
			splitOut,
			hubspot('HubSpot wrong token', 'continueErrorOutput'),
			marker('Written', -200),
			marker('Rejected', 0),
			marker('Failed', 200),
		],
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			...outputsTo('Split Out', ['HubSpot']),
			...outputsTo('HubSpot', ['Written', 'Rejected', 'Failed']),
		},
	},
	{
		name: 'Errors: HubSpot rejects one record',
		nodes: [
			webhook('errors-hubspot-rejected'),
			splitOut,
			hubspot('HubSpot sandbox'),
			marker('Written', -200),
			marker('Rejected', 0),
		],
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			...outputsTo('Split Out', ['HubSpot']),
			...outputsTo('HubSpot', ['Written', 'Rejected']),
		},
	},
	{
		name: 'Errors: wrong Clay token',
		nodes: [
			webhook('errors-clay-red'),
			splitOut,
			{
				name: 'Clay',
				type: 'n8n-nodes-revops.clay',
				typeVersion: 1,
				position: [440, 0],
				credentials: { clayApi: { id: '', name: 'Clay wrong token' } },
				parameters: { webhookUrl: '={{ $("Webhook").first().json.body.url }}', rowsPerSecond: 100 },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			...outputsTo('Split Out', ['Clay']),
		},
	},
];

describe('a call that cannot succeed, in a real n8n', () => {
	let sb: Sandbox;
	let n8n: N8nInstance;

	const admin = (method: string, path: string, body?: unknown) =>
		sandboxAdmin(sb, method, path, body);
	/** Posts the rows to the workflow's webhook and returns its finished execution with its data. */
	const run = async (name: string, path: string, body: unknown = { rows: ROWS }) => {
		const workflowId = n8n.workflowIds[name];
		const before = (await executionsOf(n8n, workflowId)).length;
		const response = await fetch(n8n.webhookUrl(path), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		expect(response.status).toBe(200);
		const [latest] = await waitFor(`an execution of ${name}`, async () => {
			const list = await executionsOf(n8n, workflowId);
			return list.length > before && !['new', 'running', 'waiting'].includes(list[0].status)
				? list
				: undefined;
		});
		return await n8n.api<Execution>('GET', `/executions/${latest.id}?includeData=true`);
	};
	const itemsOf = (execution: Execution, node: string) =>
		(execution.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map(
			(item: { json: Record<string, unknown> }) => item.json,
		);

	beforeAll(async () => {
		sb = await startSandbox({ port: 0 });
		n8n = await startN8n({
			credentials: [
				{
					name: 'HubSpot wrong token',
					type: 'hubSpotRevOpsPrivateAppApi',
					data: { accessToken: 'pat-wrong', baseUrl: sb.hubspotUrl },
				},
				{
					name: 'HubSpot sandbox',
					type: 'hubSpotRevOpsPrivateAppApi',
					data: { accessToken: 'pat-sandbox', baseUrl: sb.hubspotUrl },
				},
				{ name: 'Clay wrong token', type: 'clayApi', data: { webhookAuthToken: 'wrong' } },
			],
			workflows: WORKFLOWS,
		});
	}, 300000);

	afterAll(async () => {
		await n8n?.stop();
		await sb?.close();
	}, 60000);

	test('HubSpot with a wrong token: the execution is red, with HubSpot’s message and what to check', async () => {
		const execution = await run('Errors: wrong HubSpot token', 'errors-hubspot-red');
		expect(execution.status).toBe('error');
		const error = execution.data.resultData.error;
		expect(error.node?.name ?? execution.data.resultData.lastNodeExecuted).toBe('HubSpot');
		expect(error.message).toMatch(/^HubSpot: /);
		expect(error.description).toContain('check the private app token');
		expect(error.httpCode).toBe('401');
		expect(JSON.stringify(execution.data)).not.toContain('pat-wrong');
		expect((await admin('GET', '/hubspot/objects/companies')).results).toEqual([]);
	}, 120000);

	test('HubSpot with a wrong token and On Error → Continue (using error output): the items on n8n’s error output', async () => {
		const execution = await run(
			'Errors: wrong HubSpot token, error output',
			'errors-hubspot-output',
		);
		expect(execution.status).toBe('success');
		expect(itemsOf(execution, 'Written')).toEqual([]);
		expect(itemsOf(execution, 'Rejected')).toEqual([]);
		expect(itemsOf(execution, 'Failed')).toEqual(
			ROWS.map((row) => ({ ...row, error: expect.stringMatching(/^HubSpot: /) })),
		);
	}, 120000);

	test('records HubSpot refuses in a 207 answer are data on the Rejected output; the execution is green', async () => {
		await admin('PUT', '/faults', {
			batchPartialFailure: 1,
			batchPartialFailureShare: 1,
			systems: ['hubspot'],
			pathPattern: '/companies/batch/create',
		});
		let execution: Execution;
		try {
			execution = await run('Errors: HubSpot rejects one record', 'errors-hubspot-rejected');
		} finally {
			await admin('DELETE', '/faults');
		}
		expect(execution.status).toBe('success');
		expect(itemsOf(execution, 'Written')).toEqual([]);
		expect(itemsOf(execution, 'Rejected')).toEqual(
			ROWS.map((row) => expect.objectContaining({ error: expect.any(String), input: row })),
		);
	}, 120000);

	test('Clay with a wrong token: the execution is red, with Clay’s message and what to check', async () => {
		const source = await admin('POST', '/clay/sources', {
			id: 'errors',
			tableId: 'errors',
			authToken: 'right-token',
		});
		const execution = await run('Errors: wrong Clay token', 'errors-clay-red', {
			url: source.url,
			rows: ROWS,
		});
		expect(execution.status).toBe('error');
		const error = execution.data.resultData.error;
		expect(error.message).toBe('Clay answered HTTP 401: Unauthorized');
		expect(error.description).toContain('auth token');
		expect((await admin('GET', '/clay/tables/errors')).rows).toEqual([]);
	}, 120000);
});
