// n8n's own Slack node (n8n-nodes-base.slack, which calls https://slack.com/api/… hard-coded) inside a real
// n8n with no internet: with the sandbox's proxyEnv() (HTTPS_PROXY + the sandbox CA in NODE_EXTRA_CA_CERTS)
// its chat.postMessage lands in the sandbox Slack. A Webhook → Slack workflow posts to #high-intent; the
// message, the request log and the execution are checked, and a Slack error fails the execution.
import { startN8n, type N8nInstance, type WorkflowJson } from '../../dev/harness';
import { startSandbox, type Sandbox } from '../../sandbox/server';

const PATH = 'builtin-slack';

const workflow: WorkflowJson = {
	name: 'Built-in Slack through the sandbox proxy',
	nodes: [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '5d0c7a55-0d5e-4a53-9a43-3f1f0b8c2a11',
			parameters: {
				httpMethod: 'POST',
				path: PATH,
				responseMode: 'lastNode',
				responseData: 'firstEntryJson',
				options: {},
			},
		},
		{
			name: 'Slack',
			type: 'n8n-nodes-base.slack',
			// 2.4: the newest Slack version that both n8n 1.123.x and 2.41.1 have.
			typeVersion: 2.4,
			position: [220, 0],
			credentials: { slackApi: { id: '', name: 'Slack (sandbox)' } },
			parameters: {
				authentication: 'accessToken',
				resource: 'message',
				operation: 'post',
				select: 'channel',
				channelId: { __rl: true, mode: 'name', value: '#high-intent' },
				messageType: 'text',
				text: '={{ `${$json.body.company} is showing high intent (score ${$json.body.score})` }}',
				otherOptions: { includeLinkToWorkflow: false },
			},
		},
	],
	connections: { Webhook: { main: [[{ node: 'Slack', type: 'main', index: 0 }]] } },
};

jest.setTimeout(60000);

describe("n8n's own Slack node through the sandbox proxy", () => {
	let sandbox: Sandbox;
	let n8n: N8nInstance;

	const admin = async (method: string, path: string, body?: unknown): Promise<any> => {
		const response = await fetch(`${sandbox.adminUrl}${path}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!response.ok)
			throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
		return response.json();
	};
	const messages = async () =>
		(await admin('GET', '/slack/messages?channel=high-intent')).results as Array<
			Record<string, unknown>
		>;

	/** POSTs to the webhook; a 404 means "not registered yet" (it starts nothing), so that is retried. */
	const trigger = async (body: unknown) => {
		const deadline = Date.now() + 30000;
		for (;;) {
			const response = await fetch(n8n.webhookUrl(PATH), {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			if (response.status !== 404 || Date.now() > deadline)
				return { status: response.status, body: await response.json().catch(() => undefined) };
			await new Promise((r) => setTimeout(r, 250));
		}
	};

	/** Executions are saved asynchronously: poll until `count` have finished. */
	const finishedExecutions = async (count: number) => {
		const id = n8n.workflowIds[workflow.name];
		const deadline = Date.now() + 30000;
		for (;;) {
			const { data } = await n8n.api<{ data: Array<{ id: string; status: string }> }>(
				'GET',
				`/executions?workflowId=${id}&limit=50`,
			);
			const done = data.filter((e) => e.status !== 'running' && e.status !== 'new');
			if (done.length >= count || Date.now() > deadline) return done;
			await new Promise((r) => setTimeout(r, 250));
		}
	};

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		n8n = await startN8n({
			env: sandbox.proxyEnv(),
			credentials: [
				{
					name: 'Slack (sandbox)',
					type: 'slackApi',
					// n8n 1.123's public API requires the credential's `notice` field while signatureSecret is empty.
					data: { accessToken: 'xoxb-sandbox', notice: '' },
				},
			],
			workflows: [workflow],
		});
	}, 300000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
	}, 60000);

	test('a message posted by the Slack node lands in #high-intent and the execution succeeds', async () => {
		const response = await trigger({ company: 'Acme', score: 87 });
		if (response.status !== 200)
			throw new Error(`webhook ${response.status}:\n${n8n.log().slice(-3000)}`);
		const channelId = sandbox.state.slack.findChannel('high-intent')!.id;
		// The node's own output: Slack's answer, as the sandbox gave it through the proxy.
		expect(response.body).toMatchObject({ ok: true, channel: channelId });

		expect(await messages()).toEqual([
			expect.objectContaining({
				channel: channelId,
				channelName: 'high-intent',
				text: 'Acme is showing high intent (score 87)',
				via: 'chat.postMessage',
			}),
		]);
		// It came over HTTPS to slack.com, through the proxy, with the credential's token.
		expect((await admin('GET', '/requests?system=slack')).results).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: '/slack/api/chat.postMessage',
				status: 200,
				token: 'xoxb-sandbox',
				via: 'https://slack.com',
			}),
		]);
		expect((await finishedExecutions(1)).map((e) => e.status)).toEqual(['success']);
	});

	test('a Slack error (archived channel) fails the execution and posts nothing', async () => {
		await admin('POST', '/slack/channels', { name: 'high-intent', archived: true });
		try {
			const response = await trigger({ company: 'Globex', score: 91 });
			expect(response.status).toBe(500);
		} finally {
			await admin('POST', '/slack/channels', { name: 'high-intent', archived: false });
		}
		expect((await messages()).map((m) => m.text)).toEqual([
			'Acme is showing high intent (score 87)',
		]);
		expect((await finishedExecutions(2)).map((e) => e.status).sort()).toEqual(['error', 'success']);
	});
});
