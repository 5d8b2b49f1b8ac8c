// Template 07 in a real n8n beside template 10: measurements are posted to the metrics intake as the
// package's nodes post them, then the check runs once per test (as "Execute workflow" does), and
// #revops-alerts gets exactly one message per breached threshold, each naming the system, its value and the
// threshold, and saying what to do; none when every value is at or below its limit. Measurements older than
// the hour do not count, the limits are the Check thresholds node's settings, and with no metrics at all the
// execution fails red saying what to set up.
import { deleteDataTable, dataTableByName } from '../../../dev/stack/dataTables';
import { startStack, type Stack } from '../../../dev/stack/stack';
import demo, {
	activitySnapshot,
	ALERT_CHANNEL,
	postSnapshot,
	SLUG,
	type Activity,
} from '../../../dev/demos/07-pipeline-monitoring';
import {
	runScheduledNow,
	sandboxAdmin,
	slackMessages,
	templateWorkflowId,
	type Execution,
} from '../../../dev/stack/support';

const METRICS = '10-pipeline-metrics';

/** Exactly at every limit: 5 % errors, 2 % 429s, the oldest pending row 600 s; every call fast. */
const AT_LIMITS: Activity = {
	calls: 100,
	errors: 5,
	rateLimited: 2,
	pending: 10,
	oldestPendingSeconds: 600,
};

describe('template 07: pipeline monitoring', () => {
	let stack: Stack;
	let monitorId: string;

	const alerts = async () =>
		(await slackMessages(stack.sandbox, ALERT_CHANNEL)).map((m) => m.text ?? '');
	/** A fresh metrics store and channel, then the given activity, then one check. */
	const check = async (...activity: Activity[]): Promise<Execution> => {
		if (await dataTableByName(stack.n8n, 'revops_metrics'))
			await deleteDataTable(stack.n8n, 'revops_metrics');
		await sandboxAdmin(stack.sandbox, 'DELETE', '/slack/messages');
		for (const a of activity) await postSnapshot(stack.n8n, activitySnapshot(a));
		const execution = await runScheduledNow(stack.n8n, monitorId);
		expect(execution.status).toBe('success');
		return execution;
	};

	beforeAll(async () => {
		stack = await startStack({ templates: [SLUG, METRICS] });
		monitorId = templateWorkflowId(stack.n8n, SLUG);
		// Scheduled runs at the quarter hour would add alerts of their own; each test runs the check itself.
		await stack.n8n.api('POST', `/workflows/${monitorId}/deactivate`);
	}, 300000);

	afterAll(async () => {
		await stack?.stop();
	}, 60000);

	test('with no metrics at all the check fails red and says what to set up', async () => {
		expect(await dataTableByName(stack.n8n, 'revops_metrics')).toBeUndefined();
		const execution = await runScheduledNow(stack.n8n, monitorId);
		expect(execution.status).toBe('error');
		const full = await stack.n8n.api('GET', `/executions/${execution.id}?includeData=true`);
		expect(JSON.stringify(full.data.resultData.error)).toContain(
			'Import and activate template 10 (Pipeline metrics)',
		);
		expect(await alerts()).toEqual([]);
	}, 120000);

	test('the demo (an unhealthy hour) alerts on all four thresholds, one message each, saying what to do', async () => {
		if (await dataTableByName(stack.n8n, 'revops_metrics'))
			await deleteDataTable(stack.n8n, 'revops_metrics');
		await sandboxAdmin(stack.sandbox, 'DELETE', '/slack/messages');
		expect(await demo.run(stack)).toMatchObject({ status: 'success' });
		const texts = await alerts();
		expect(texts).toHaveLength(4);
		expect(texts).toEqual(
			expect.arrayContaining([
				expect.stringMatching(
					/hubspot: 8\.0 % of 200 calls failed \(5xx or network\) in the last 60 min \(threshold 5 %\)\n\*What to do:\* Check hubspot's status page/,
				),
				expect.stringMatching(
					/hubspot: 10 of 200 calls answered 429 in the last 60 min \(5\.0 %, threshold 2 %\)\n\*What to do:\* Another app or workflow spends the same hubspot budget/,
				),
				expect.stringMatching(
					/hubspot: p95 latency 3\.75 s over 200 calls in the last 60 min \(threshold 2 s\)\n\*What to do:\* hubspot is slowing down/,
				),
				expect.stringMatching(
					/demo pipeline: the oldest pending row waited 900 s \(threshold 600 s\), backlog 40 rows\n\*What to do:\* Check that the drain workflow is active/,
				),
			]),
		);
	}, 120000);

	test('values exactly at the limits, and worse activity older than the window, raise no alert', async () => {
		await check(AT_LIMITS, {
			calls: 500,
			errors: 400,
			rateLimited: 50,
			slowCalls: 500,
			slowSeconds: 20,
			minutesAgo: 61,
		});
		expect(await alerts()).toEqual([]);
	}, 120000);

	test('one breached threshold gives exactly one alert, naming it; few calls give no rate alert', async () => {
		await check({ ...AT_LIMITS, errors: 6 });
		expect(await alerts()).toEqual([
			expect.stringMatching(/^:warning: hubspot: 6\.0 % of 100 calls failed/),
		]);
		await check({ ...AT_LIMITS, rateLimited: 3, system: 'clay' });
		expect(await alerts()).toEqual([
			expect.stringMatching(/^:warning: clay: 3 of 100 calls answered 429/),
		]);
		await check({ ...AT_LIMITS, oldestPendingSeconds: 601 });
		expect(await alerts()).toEqual([
			expect.stringMatching(/^:warning: demo pipeline: the oldest pending row waited 601 s/),
		]);
		// 19 calls, all failed: below Minimum Calls (20) a rate says little.
		await check({ calls: 19, errors: 19, rateLimited: 0 });
		expect(await alerts()).toEqual([]);
	}, 240000);

	test('the limits are the Check thresholds node’s settings', async () => {
		const workflow = await stack.n8n.api('GET', `/workflows/${monitorId}`);
		const node = workflow.nodes.find((n: { name: string }) => n.name === 'Check thresholds');
		node.parameters.p95Seconds = 10;
		node.parameters.errorRatePercent = 20;
		const { name, nodes, connections, settings } = workflow;
		await stack.n8n.api('PUT', `/workflows/${monitorId}`, { name, nodes, connections, settings });

		await check({ calls: 100, errors: 10, rateLimited: 0, slowCalls: 10, slowSeconds: 20 });
		expect(await alerts()).toEqual([
			expect.stringMatching(
				/^:warning: hubspot: p95 latency 20 s over 100 calls .*\(threshold 10 s\)/,
			),
		]);
	}, 120000);
});
