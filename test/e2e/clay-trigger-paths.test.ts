// Two Clay Triggers added to two workflows with nothing typed in Path (version 1.1) get different URLs —
// each its node's own ID — so both workflows publish and each receives only its own rows. A version 1 node
// saved without a path keeps the URL it always had (…/webhook/clay).
import { startN8n, type N8nInstance } from '../../dev/harness';
import { executionsOf, waitFor } from '../../dev/stack/support';
import { credentials, SHARED_SECRET } from './helpers/clayWorkflows';

const IDS = ['6c0a3c1e-2f0e-4a8b-9a51-0d3f4c1b2a01', '6c0a3c1e-2f0e-4a8b-9a51-0d3f4c1b2a02'];

const workflow = (name: string, typeVersion: number, webhookId: string) => ({
	name,
	nodes: [
		{
			name: 'Clay Trigger',
			type: 'n8n-nodes-revops.clayTrigger',
			typeVersion,
			position: [0, 0],
			webhookId,
			credentials: { webhookSecretApi: { id: '', name: 'Clay shared secret' } },
			// No path: each version's default.
			parameters: {},
		},
	],
	connections: {},
});

const WORKFLOWS = [
	workflow('Clay rows A', 1.1, IDS[0]),
	workflow('Clay rows B', 1.1, IDS[1]),
	workflow('Clay rows, version 1', 1, '6c0a3c1e-2f0e-4a8b-9a51-0d3f4c1b2a03'),
];

describe('Clay Trigger paths in a real n8n', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await startN8n({ credentials, workflows: WORKFLOWS });
	}, 300000);

	afterAll(async () => await n8n?.stop(), 60000);

	const send = async (path: string, domain: string) =>
		await fetch(n8n.webhookUrl(path), {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-clay-webhook-secret': SHARED_SECRET },
			body: JSON.stringify({ domain }),
		});

	test('two triggers with an empty path listen on their own IDs; each workflow gets only its rows', async () => {
		expect((await send(IDS[0], 'a.com')).status).toBe(200);
		expect((await send(IDS[1], 'b.com')).status).toBe(200);
		for (const [name, domain] of [
			['Clay rows A', 'a.com'],
			['Clay rows B', 'b.com'],
		]) {
			const [execution] = await waitFor(`an execution of ${name}`, async () => {
				const list = await executionsOf(n8n, n8n.workflowIds[name], true);
				return list.length && list[0].status === 'success' ? list : undefined;
			});
			const items = execution.data.resultData.runData['Clay Trigger'][0].data.main[0];
			expect(items.map((i: { json: { domain: string } }) => i.json.domain)).toEqual([domain]);
			expect(await executionsOf(n8n, n8n.workflowIds[name])).toHaveLength(1);
		}
	}, 120000);

	test('a version 1 trigger saved without a path keeps …/webhook/clay', async () => {
		expect((await send('clay', 'c.com')).status).toBe(200);
		const [execution] = await waitFor('an execution of the version 1 workflow', async () => {
			const list = await executionsOf(n8n, n8n.workflowIds['Clay rows, version 1']);
			return list.length ? list : undefined;
		});
		expect(execution.status).toBe('success');
	}, 120000);
});
