// Signal Score, Dedupe and Attribution chained in a published workflow of a real n8n, with n8n's own
// database-backed dedupe history: touchpoint events arrive on a webhook (senders retry, so event ids repeat
// within a batch, across requests and in concurrent requests), each is scored, duplicates are dropped,
// and the rest are attributed. The webhook answers with the Contacts output; every node's outputs are read
// back from the saved execution.
import { startN8n, type N8nInstance } from '../../dev/harness';

const WORKFLOW = 'Data nodes: score, dedupe, attribute';

const workflow = {
	name: WORKFLOW,
	nodes: [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			parameters: {
				httpMethod: 'POST',
				path: 'touchpoints',
				responseMode: 'lastNode',
				responseData: 'allEntries',
				options: {},
			},
			webhookId: '0c6f1a52-7d3e-4b8e-9a51-2f4d6c8b1e90',
		},
		{
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [200, 0],
			parameters: { fieldToSplitOut: 'body', options: {} },
		},
		{
			name: 'Dedupe',
			type: 'n8n-nodes-revops.dedupe',
			typeVersion: 1,
			position: [400, 0],
			parameters: {
				keys: { key: [{ kind: 'field', fields: 'eventId' }] },
				keep: 'first',
				acrossExecutions: true,
				scope: 'workflow',
			},
		},
		{
			name: 'Signal Score',
			type: 'n8n-nodes-revops.signalScore',
			typeVersion: 1,
			position: [600, 0],
			parameters: {},
		},
		{
			name: 'Attribution',
			type: 'n8n-nodes-revops.attribution',
			typeVersion: 1,
			position: [800, 0],
			parameters: { conversionValueField: 'amount', aggregateBy: 'channel' },
		},
	],
	connections: {
		Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
		'Split Out': { main: [[{ node: 'Dedupe', type: 'main', index: 0 }]] },
		Dedupe: { main: [[{ node: 'Signal Score', type: 'main', index: 0 }]] },
		'Signal Score': { main: [[{ node: 'Attribution', type: 'main', index: 0 }]] },
	},
};

const touch = (
	eventId: string,
	email: string,
	channel: string,
	hour: number,
	extra: Record<string, unknown> = {},
) => ({
	eventId,
	email,
	channel,
	campaign: 'spring',
	timestamp: new Date(Date.UTC(2024, 4, 1, hour)).toISOString(),
	intent: 80,
	fit: 60,
	...extra,
});

type Item = { json: Record<string, any> };
type RunData = Record<string, Array<{ data: { main: Array<Item[] | null> } }>>;

describe('Signal Score → Dedupe → Attribution in n8n', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await startN8n({ workflows: [workflow] });
	}, 300000);

	afterAll(async () => {
		await n8n?.stop();
	}, 60000);

	const post = async (events: unknown[]) => {
		const response = await fetch(n8n.webhookUrl('touchpoints'), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(events),
		});
		const text = await response.text();
		return { status: response.status, body: text ? JSON.parse(text) : undefined };
	};

	/** Outputs of each node in the workflow's executions so far, newest first. */
	const executions = async (): Promise<Array<Record<string, Item[][]>>> => {
		const id = n8n.workflowIds[WORKFLOW];
		const list = await n8n.api<{ data: Array<{ id: string }> }>(
			'GET',
			`/executions?workflowId=${id}&limit=50`,
		);
		const runs = await Promise.all(
			list.data.map((e) =>
				n8n.api<{ data: { resultData: { runData: RunData } } }>(
					'GET',
					`/executions/${e.id}?includeData=true`,
				),
			),
		);
		return runs.map((run) =>
			Object.fromEntries(
				Object.entries(run.data.resultData.runData).map(([node, tasks]) => [
					node,
					tasks[0].data.main.map((o) => o ?? []),
				]),
			),
		);
	};

	test('a batch is scored, deduplicated on the event id and attributed per contact', async () => {
		const events = [
			touch('e1', 'jo@acme.com', 'ads', 0),
			touch('e2', 'jo@acme.com', 'email', 1),
			touch('e2', 'jo@acme.com', 'email', 1),
			touch('e3', 'jo@acme.com', 'webinar', 2, { amount: 1000 }),
			touch('e4', 'al@globex.com', 'ads', 0, { amount: 300 }),
		];
		const { status, body } = await post(events);
		expect(status).toBe(200);
		expect(body).toEqual([
			expect.objectContaining({
				contact: 'jo@acme.com',
				conversionValue: 1000,
				byChannel: { ads: 0.4, email: 0.2, webinar: 0.4 },
			}),
			expect.objectContaining({
				contact: 'al@globex.com',
				conversionValue: 300,
				byChannel: { ads: 1 },
			}),
		]);
		expect(
			body[0].touches.map((t: Record<string, unknown>) => [t.channel, t.credit, t.value]),
		).toEqual([
			['ads', 0.4, 400],
			['email', 0.2, 200],
			['webinar', 0.4, 400],
		]);

		const [run] = await executions();
		expect(run.Dedupe[1].map((item) => item.json)).toEqual([
			{ ...events[2], duplicateOf: { keptItem: 1, reason: 'same eventId e2', score: 1 } },
		]);
		expect(
			run['Signal Score'][0].map((item) => [
				item.json.eventId,
				item.json.signal_score,
				item.json.signal_tier,
			]),
		).toEqual([
			['e1', 68, 'warm'],
			['e2', 68, 'warm'],
			['e3', 68, 'warm'],
			['e4', 68, 'warm'],
		]);
		expect(run.Attribution[1].map((item) => item.json)).toEqual([
			{ channel: 'ads', conversions: 1.4, value: 700, touches: 2, contacts: 2 },
			{ channel: 'webinar', conversions: 0.4, value: 400, touches: 1, contacts: 1 },
			{ channel: 'email', conversions: 0.2, value: 200, touches: 1, contacts: 1 },
		]);
	});

	test('events seen by an earlier execution are dropped from the next one', async () => {
		const { body } = await post([
			touch('e1', 'jo@acme.com', 'ads', 0),
			touch('e5', 'kim@initech.com', 'email', 5, { amount: 50 }),
		]);
		expect(body).toEqual([
			expect.objectContaining({ contact: 'kim@initech.com', byChannel: { email: 1 } }),
		]);
		const [run] = await executions();
		expect(run.Dedupe[1].map((item) => item.json.duplicateOf)).toEqual([
			{ keptItem: null, reason: 'eventId e1 was already kept by an earlier execution', score: 1 },
		]);
	});

	test('two requests at once with the same new event: exactly one execution keeps it', async () => {
		const before = (await executions()).length;
		await Promise.all([1, 2].map(() => post([touch('e6', 'lee@umbrella.com', 'ads', 6)])));
		const all = await executions();
		const runs = all.slice(0, all.length - before);
		expect(runs).toHaveLength(2);
		expect(runs.map((run) => run.Dedupe[0].length).sort()).toEqual([0, 1]);
		expect(runs.map((run) => run.Dedupe[1].length).sort()).toEqual([0, 1]);
	});
});
