// Template 10 in a real n8n beside template 01, the nodes sending what they measure after every node run
// (flush interval 0). After the Clay demo (rows at Clay's pace through the intake, drained to HubSpot in
// batches, one digest to Slack) and a few forged and malformed rows, a real Prometheus scrapes the template's
// endpoint: its values equal what the sandbox's request log counts (HubSpot and Slack calls by status, Slack messages),
// what Clay sent (webhooks accepted and refused by status) and what the queue did (rows stored and done). The
// dashboard opens in headless Chromium behind its login, shows the same numbers, and is photographed for
// workflows/README.md.
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ensureChromium } from '../../../dev/browser';
import { SANDBOX_DASHBOARD_LOGIN, SANDBOX_METRICS_TOKEN } from '../../../dev/stack/credentials';
import { startPrometheus, type Prometheus } from '../../../dev/services/prometheus';
import { sandboxAdmin, waitFor } from '../../../dev/stack/support';
import { WORKFLOWS_DIR } from '../../../dev/stack/templates';
import demo01, {
	INTAKE_PATH,
	INTAKE_TABLE,
	runDrain,
	WORKFLOW_NAME,
	INTAKE_WORKFLOW_NAME,
} from '../../../dev/demos/01-clay-enrichment-to-hubspot';
import { dataTableRows } from '../../../dev/stack/dataTables';
import { DRAIN_LOCK_KEY } from '../../../nodes/shared/queue';
import { useTemplateStack } from '../helpers/templateStack';

const SLUG = '10-pipeline-metrics';
const CLAY = '01-clay-enrichment-to-hubspot';

interface QueueRow {
	key: string;
	state: string;
	attempts: number;
}

interface Logged {
	system: string;
	status: number;
	path: string;
	method: string;
}

describe('template 10: pipeline metrics (Prometheus, dashboard)', () => {
	const t = useTemplateStack(SLUG, 'revops-metrics-intake', {
		with: [CLAY],
		metricsFlushSeconds: 0,
	});
	let prometheus: Prometheus | undefined;
	let browser: Browser | undefined;

	afterAll(async () => {
		await browser?.close();
		await prometheus?.stop();
	}, 60000);

	const requests = async (system: string): Promise<Logged[]> =>
		(
			await sandboxAdmin<{ results: Logged[] }>(
				t.ctx.sandbox,
				'GET',
				`/requests?system=${system}&limit=100000`,
			)
		).results;

	/** One number from Prometheus: the sum over the selector's series (0 when none). */
	const promSum = async (selector: string): Promise<number> =>
		(await prometheus!.query(`sum(${selector})`))[0]?.value ?? 0;

	test('the metrics intake refuses a wrong token and a malformed snapshot, stores nothing for an empty one', async () => {
		const url = t.ctx.n8n.webhookUrl('revops-metrics-intake');
		const post = (body: unknown, token = SANDBOX_METRICS_TOKEN) =>
			fetch(url, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
		expect((await post({}, 'wrong')).status).toBe(403);
		const bad = await post({
			v: 1,
			process: 'p',
			from: 0,
			to: 1,
			series: [{ name: 'nope', labels: {} }],
		});
		expect(bad.status).toBe(400);
		expect(await bad.json()).toEqual({
			error: 'Invalid metrics snapshot: series[0]: unknown metric "nope"',
		});
		expect((await post({ v: 1, process: 'p', from: 0, to: 1, series: [] })).status).toBe(204);
	}, 60000);

	test('after the Clay demo, Prometheus scrapes values equal to the sandbox request log', async () => {
		const { n8n } = t.ctx;
		// Forged and malformed rows at the intake: refused by the Clay Trigger, counted per status.
		const intake = n8n.webhookUrl(INTAKE_PATH);
		for (let i = 0; i < 3; i++)
			expect(
				(
					await fetch(intake, {
						method: 'POST',
						headers: { 'content-type': 'application/json', 'x-clay-webhook-secret': 'forged' },
						body: '{}',
					})
				).status,
			).toBe(401);

		const result = (await demo01.run(t.ctx)) as { answered: number[] };
		// The sample table holds one row without the required intent: Clay gets a 422 for it, nothing stored.
		const rows = result.answered.filter((status) => status === 202).length;
		const invalid = result.answered.filter((status) => status === 422).length;
		expect(rows + invalid).toBe(result.answered.length);
		expect(invalid).toBeGreaterThan(0);
		// The schedule stops (so the numbers hold still); drains run by hand until every row was tried once. The
		// sample table has a row with no domain and one with a free-mail domain: HubSpot refuses them, they wait
		// for a retry.
		await n8n.api('POST', `/workflows/${n8n.workflowIds[WORKFLOW_NAME]}/deactivate`);
		let queue: QueueRow[] = [];
		await waitFor(
			'every row drained once',
			async () => {
				await runDrain(n8n);
				queue = (await dataTableRows<QueueRow>(n8n, INTAKE_TABLE)).filter(
					(row) => row.key !== DRAIN_LOCK_KEY,
				);
				return (
					queue.length === rows && queue.every((row) => row.attempts > 0 && row.state !== 'claimed')
				);
			},
			120000,
		).catch((error) => {
			throw new Error(`${(error as Error).message}: ${JSON.stringify(queue)}`);
		});
		const done = queue.filter((row) => row.state === 'done').length;
		const retried = queue.filter((row) => row.state === 'pending').length;
		expect(done).toBeGreaterThan(0);
		expect(retried).toBeGreaterThan(0);

		prometheus = await startPrometheus({
			url: n8n.webhookUrl('revops-metrics'),
			bearerToken: SANDBOX_METRICS_TOKEN,
		});
		// The last flushes are requests of their own: wait until the scraped numbers stop moving and match.
		const expected = async () => {
			const hubspot = await requests('hubspot');
			const slack = (await requests('slack')).filter((r) => r.path.includes('chat.postMessage'));
			return {
				hubspotCalls: hubspot.length,
				hubspot429: hubspot.filter((r) => r.status === 429).length,
				hubspot2xx: hubspot.filter((r) => r.status < 300).length,
				slackOk: slack.filter((r) => r.status < 300).length,
				slackCalls: slack.length,
				accepted: rows,
				refused401: 3,
				refused422: invalid,
			};
		};
		const scraped = async () => ({
			hubspotCalls: await promSum('revops_api_requests_total{system="hubspot"}'),
			hubspot429: await promSum('revops_api_requests_total{system="hubspot",status="429"}'),
			hubspot2xx: await promSum('revops_api_requests_total{system="hubspot",status=~"2.."}'),
			slackOk: await promSum('revops_slack_messages_total{outcome="ok"}'),
			slackCalls: await promSum('revops_api_requests_total{system="slack"}'),
			accepted: await promSum(
				'revops_webhook_requests_total{trigger="clay_trigger",outcome="accepted"}',
			),
			refused401: await promSum(
				'revops_webhook_requests_total{trigger="clay_trigger",outcome="refused",status="401",reason="signature"}',
			),
			refused422: await promSum(
				'revops_webhook_requests_total{trigger="clay_trigger",outcome="refused",status="422",reason="invalid_fields"}',
			),
		});
		let last: unknown;
		await waitFor(
			'Prometheus to scrape the same numbers as the sandbox counted',
			async () => {
				const [want, got] = [await expected(), await scraped()];
				last = { want, got };
				return JSON.stringify(want) === JSON.stringify(got);
			},
			60000,
		).catch((error) => {
			throw new Error(`${(error as Error).message}: ${JSON.stringify(last)}`);
		});
		expect(await prometheus.target()).toMatchObject({ health: 'up', lastError: '' });
		// The queue: every row stored once and done once; none pending.
		expect(await promSum('revops_queue_rows_total{outcome="stored"}')).toBe(rows);
		expect(await promSum('revops_queue_rows_total{outcome="done"}')).toBe(done);
		expect(await promSum('revops_queue_rows_total{outcome="retried"}')).toBe(retried);
		expect(await promSum('revops_queue_backlog')).toBe(retried);
		expect(await promSum('revops_queue_oldest_pending_age_seconds')).toBeGreaterThan(0);
		// Latency is a real histogram: every call observed once.
		expect(await promSum('revops_api_request_duration_seconds_count{system="hubspot"}')).toBe(
			(await expected()).hubspotCalls,
		);
	}, 300000);

	test('the dashboard shows the same numbers in a browser, behind its login', async () => {
		const { n8n } = t.ctx;
		const hubspotCalls = (await requests('hubspot')).length;
		browser = await chromium.launch({ executablePath: ensureChromium() });
		expect((await fetch(n8n.webhookUrl('revops-dashboard'))).status).toBe(401);

		const context = await browser.newContext({
			httpCredentials: {
				username: SANDBOX_DASHBOARD_LOGIN.user,
				password: SANDBOX_DASHBOARD_LOGIN.password,
			},
			viewport: { width: 1280, height: 1100 },
		});
		const page = await context.newPage();
		const response = await page.goto(n8n.webhookUrl('revops-dashboard'));
		expect(response?.status()).toBe(200);
		expect(response?.headers()['content-type']).toContain('text/html');
		const figure = async (name: string) =>
			(await page.locator(`[data-figure="${name}"]`).textContent())?.trim();
		expect(await figure('hubspot.calls')).toBe(hubspotCalls.toLocaleString('en-US'));
		expect(await figure('hubspot.errorRate')).toBe('0.0 %');
		expect(
			await figure(`clay_trigger.${INTAKE_WORKFLOW_NAME}.refusedByStatus`),
		).toMatch(
			/^(401 signature: 3, 422 invalid_fields: 1|422 invalid_fields: 1, 401 signature: 3)$/,
		);
		expect(await page.locator('svg[role="img"]').count()).toBe(5);
		await page.screenshot({
			path: path.join(WORKFLOWS_DIR, 'screenshots', `${SLUG}-dashboard.png`),
			fullPage: true,
		});
		await page.goto(`${n8n.webhookUrl('revops-dashboard')}?window=day`);
		expect(await page.locator('h1').textContent()).toContain('last day');
	}, 120000);
});
