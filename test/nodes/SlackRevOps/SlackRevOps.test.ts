// Slack (RevOps) against the sandbox's Slack (1 message per second per channel, 429 with Retry-After):
// messages paced so none earns a 429, a refused message on Rejected with Slack's error while the rest go
// out, a bad token failing the node with Slack's error and what to check, 429s retried after Retry-After,
// and with the metrics credential every call counted by status with its latency.
import type { IDataObject } from 'n8n-workflow';
import { RevOpsMetricsApi } from '../../../credentials/RevOpsMetricsApi.credentials';
import { RevOpsSlackApi } from '../../../credentials/RevOpsSlackApi.credentials';
import { SlackRevOps } from '../../../nodes/SlackRevOps/SlackRevOps.node';
import { executeNode } from '../helpers/executeNode';
import { admin, requestLog, useHubSpotSandbox } from '../helpers/hubspotSandbox';
import { metricsIntake, sumOf, untilFlushed } from '../helpers/metricsIntake';

jest.setTimeout(60_000);

const t = useHubSpotSandbox();

async function post(
	items: IDataObject[],
	{
		token = 'xoxb-sandbox',
		metricsUrl,
		flushSeconds = 0,
	}: { token?: string; metricsUrl?: string; flushSeconds?: number } = {},
) {
	return await executeNode({
		node: new SlackRevOps(),
		parameters: {
			channel: '={{ $json.channel }}',
			text: '={{ $json.text }}',
			options: { maxAttempts: 4 },
		},
		items,
		credentials: [
			{ type: new RevOpsSlackApi(), data: { accessToken: token, baseUrl: `${t.sb.slackUrl}/api` } },
			...(metricsUrl
				? [{ type: new RevOpsMetricsApi(), data: { url: metricsUrl, token: 'm', flushSeconds } }]
				: []),
		],
	});
}

const messages = async (channel: string) =>
	((await admin(t.sb, 'GET', `/slack/messages?channel=${channel}`)).results ?? []) as Array<{
		text: string;
	}>;

describe('Slack (RevOps)', () => {
	beforeEach(async () => {
		await admin(t.sb, 'POST', '/reset');
	});

	test('posts each message once, paced per channel: no 429 from Slack', async () => {
		const items = ['one', 'two', 'three'].map((text) => ({ channel: '#revops-alerts', text }));
		const run = await post(items);
		expect(run.outputs[0].map((o) => o.json.ok)).toEqual([true, true, true]);
		expect(run.outputs[0].every((o) => typeof o.json.ts === 'string' && o.json.ts)).toBe(true);
		expect(run.outputs[1]).toEqual([]);
		expect((await messages('revops-alerts')).map((m) => m.text)).toEqual(['one', 'two', 'three']);
		const log = await requestLog(t.sb, 'system=slack');
		expect(log.filter((r) => r.status === 429)).toEqual([]);
	});

	test('a refused message goes to Rejected with Slack’s error; the others are sent', async () => {
		const run = await post([
			{ channel: '#revops-alerts', text: 'ok' },
			{ channel: '#no-such-channel', text: 'lost?' },
		]);
		expect(run.outputs[0]).toHaveLength(1);
		expect(run.outputs[1]).toEqual([
			{
				json: {
					channel: '#no-such-channel',
					text: 'lost?',
					error: 'channel_not_found',
					code: 'channel_not_found',
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	test('a bad token fails the node with Slack’s error and what to check', async () => {
		const run = await post([{ channel: '#revops-alerts', text: 'x' }], { token: 'xoxb-wrong' });
		expect(run.error).toMatchObject({
			message: 'Slack: invalid_auth',
			description: expect.stringContaining('Slack (RevOps) API credential'),
		});
		expect(await messages('revops-alerts')).toEqual([]);
	});

	test('what a process measured after its last flush is sent once the interval passes, with no further run', async () => {
		const capture = metricsIntake();
		const url = await capture.start();
		try {
			await post([{ channel: '#revops-alerts', text: 'first' }], { metricsUrl: url, flushSeconds: 1 });
			await untilFlushed(() => capture.received.length > 0);
			// Within the interval: nothing is sent by this run, and no run follows it.
			await post([{ channel: '#high-intent', text: 'second' }], { metricsUrl: url, flushSeconds: 1 });
			expect(capture.received).toHaveLength(1);
			for (let i = 0; i < 100 && capture.received.length < 2; i++)
				await new Promise((r) => setTimeout(r, 50));
			expect(
				sumOf(
					capture.received.map((r) => r.body),
					'revops_slack_messages_total',
					(labels) => labels.outcome === 'ok',
				),
			).toBe(2);
		} finally {
			await capture.stop();
		}
	});

	test('429s are retried after Retry-After; with the metrics credential every call is counted', async () => {
		const capture = metricsIntake();
		const url = await capture.start();
		try {
			await admin(t.sb, 'PUT', '/faults', { seed: 3, systems: ['slack'], rateLimit429: 0.4 });
			const run = await post(
				['a', 'b', 'c', 'd'].map((text) => ({ channel: '#revops-alerts', text })),
				{ metricsUrl: url },
			);
			await admin(t.sb, 'DELETE', '/faults');
			expect(run.outputs[0]).toHaveLength(4);
			const log = await requestLog(t.sb, 'system=slack');
			expect(log.filter((r) => r.status === 429).length).toBeGreaterThan(0);
			await untilFlushed(() => capture.received.length > 0);
			const snaps = capture.received.map((r) => r.body);
			const calls = (status: string) =>
				sumOf(
					snaps,
					'revops_api_requests_total',
					(l) => l.system === 'slack' && l.status === status,
				);
			expect(calls('429')).toBe(log.filter((r) => r.status === 429).length);
			expect(calls('200')).toBe(4);
			expect(sumOf(snaps, 'revops_api_request_duration_seconds', (l) => l.system === 'slack')).toBe(
				log.length,
			);
			expect(sumOf(snaps, 'revops_slack_messages_total', (l) => l.outcome === 'ok')).toBe(4);
		} finally {
			await capture.stop();
		}
	});
});
