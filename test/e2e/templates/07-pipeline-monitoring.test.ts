// Template 07 in a real n8n: the check runs once per test (as "Execute workflow" does) over activity
// written into the warehouse, and #revops-alerts gets exactly one message per breached threshold, each
// naming the metric, its value and the threshold; none when every value is at or below its limit. Activity
// older than the window does not count, and the limits come from the Thresholds node.
import { startStack, type Stack } from '../../../dev/stack/stack';
import demo, {
	ALERT_CHANNEL,
	SLUG,
	writeActivity,
	type Activity,
} from '../../../dev/demos/07-pipeline-monitoring';
import {
	runScheduledNow,
	sandboxAdmin,
	slackMessages,
	templateWorkflowId,
	type Execution,
} from '../../../dev/stack/support';

const HEALTHY: Activity = {
	successes: 95,
	failures: 5,
	durationMs: 2000,
	rateLimited: 10,
	queued: 990,
	parked: 10,
};

describe('template 07: pipeline monitoring', () => {
	let stack: Stack;
	let monitorId: string;

	const alerts = async () =>
		(await slackMessages(stack.sandbox, ALERT_CHANNEL)).map((m) => m.text ?? '');
	/** A fresh warehouse and channel, then the given activity, then one check. */
	const check = async (...activity: Activity[]): Promise<Execution> => {
		stack.warehouse.exec('TRUNCATE workflow_log, pipeline_queue, dead_letter;');
		await sandboxAdmin(stack.sandbox, 'DELETE', '/slack/messages');
		for (const a of activity) writeActivity(stack.warehouse, a);
		const execution = await runScheduledNow(stack.n8n, monitorId);
		expect(execution.status).toBe('success');
		return execution;
	};
	const lastCheck = () =>
		stack.warehouse.query<{ metadata: { breached: string[]; metrics: Record<string, number> } }>(
			"SELECT metadata FROM workflow_log WHERE event = 'health_check' ORDER BY id DESC LIMIT 1",
		)[0];

	beforeAll(async () => {
		stack = await startStack({ templates: [SLUG] });
		monitorId = templateWorkflowId(stack.n8n, SLUG);
		// Scheduled runs at the quarter hour would add alerts of their own; each test runs the check itself.
		await stack.n8n.api('POST', `/workflows/${monitorId}/deactivate`);
	}, 300000);

	afterAll(async () => {
		await stack?.stop();
	}, 60000);

	test('the demo (an unhealthy hour) alerts on all four thresholds, one message each', async () => {
		stack.warehouse.exec('TRUNCATE workflow_log, pipeline_queue, dead_letter;');
		await sandboxAdmin(stack.sandbox, 'DELETE', '/slack/messages');
		expect(await demo.run(stack)).toMatchObject({ status: 'success' });
		const texts = await alerts();
		expect(texts).toHaveLength(4);
		expect(texts).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/\*Error rate\* is 10 % .*threshold of 5 %/),
				expect.stringMatching(/\*Average latency\* is 2500 ms .*threshold of 2000 ms/),
				expect.stringMatching(
					/\*Backlog\* is 1200 pending .*threshold of 1000 pending \(1180 queued in pipeline_queue, 20 parked in dead_letter\)/,
				),
				expect.stringMatching(/\*Rate-limit hits\* is 12 per hour .*threshold of 10 per hour/),
			]),
		);
		expect(lastCheck().metadata.breached.sort()).toEqual([
			'avg_latency',
			'backlog',
			'error_rate',
			'rate_limit_hits',
		]);
	}, 120000);

	test('values exactly at the limits, and worse activity older than the window, raise no alert', async () => {
		await check(HEALTHY, {
			successes: 0,
			failures: 500,
			durationMs: 60000,
			rateLimited: 100,
			queued: 0,
			parked: 0,
			minutesAgo: 61,
		});
		expect(await alerts()).toEqual([]);
		expect(lastCheck().metadata).toMatchObject({
			breached: [],
			metrics: { error_rate: 5, avg_latency: 2000, backlog: 1000, rate_limit_hits: 10 },
		});
	}, 120000);

	test('one breached threshold gives exactly one alert, naming it', async () => {
		await check({ ...HEALTHY, durationMs: 2001 });
		const texts = await alerts();
		expect(texts).toHaveLength(1);
		expect(texts[0]).toMatch(
			/\*Average latency\* is 2001 ms over the last 60 min, above the threshold of 2000 ms/,
		);
	}, 120000);

	test('each metric alone: error rate, backlog, rate-limit hits', async () => {
		await check({ ...HEALTHY, successes: 94, failures: 6 });
		expect(await alerts()).toEqual([
			expect.stringMatching(/\*Error rate\* is 6 % .*6 of 100 logged runs failed/),
		]);
		await check({ ...HEALTHY, queued: 991 });
		expect(await alerts()).toEqual([expect.stringMatching(/\*Backlog\* is 1001 pending/)]);
		await check({ ...HEALTHY, rateLimited: 11 });
		expect(await alerts()).toEqual([expect.stringMatching(/\*Rate-limit hits\* is 11 per hour/)]);
	}, 180000);

	test('the limits come from the Thresholds node', async () => {
		const workflow = await stack.n8n.api('GET', `/workflows/${monitorId}`);
		const thresholds = workflow.nodes.find((n: { name: string }) => n.name === 'Thresholds');
		const backlog = thresholds.parameters.assignments.assignments.find(
			(a: { name: string }) => a.name === 'max_backlog',
		);
		backlog.value = 50;
		const { name, nodes, connections, settings } = workflow;
		await stack.n8n.api('PUT', `/workflows/${monitorId}`, { name, nodes, connections, settings });

		await check({ ...HEALTHY, queued: 40, parked: 11 });
		expect(await alerts()).toEqual([
			expect.stringMatching(
				/\*Backlog\* is 51 pending .*threshold of 50 pending \(40 queued in pipeline_queue, 11 parked in dead_letter\)/,
			),
		]);
	}, 120000);
});
