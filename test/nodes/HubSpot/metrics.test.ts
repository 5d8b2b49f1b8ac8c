// What the HubSpot node measures when it has a RevOps Metrics API credential: after a run with sandbox
// faults (429s, 503s, connection resets), the snapshot it posts to the metrics intake counts exactly the
// calls the sandbox logged, by status, with one latency observation per call; the token goes in the
// Authorization header only. Without the credential nothing is sent; with the intake down the run still
// succeeds and the next flush carries both runs.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { HubSpotRevOpsPrivateAppApi } from '../../../credentials/HubSpotRevOpsPrivateAppApi.credentials';
import { RevOpsMetricsApi } from '../../../credentials/RevOpsMetricsApi.credentials';
import { HubSpotRevOps } from '../../../nodes/HubSpot/HubSpotRevOps.node';
import { clayRows } from '../../fixtures/clayRows';
import { executeNode } from '../helpers/executeNode';
import { metricsIntake, sumOf, untilFlushed } from '../helpers/metricsIntake';
import { admin, FAST, mapped, requestLog, useHubSpotSandbox } from '../helpers/hubspotSandbox';

jest.setTimeout(60_000);

const t = useHubSpotSandbox();

const upsert: INodeParameters = {
	resource: 'company',
	operation: 'upsert',
	propertiesMode: 'define',
	propertyMapping: mapped({ name: '={{ $json.company_name }}' }),
	options: { ...FAST, batchSize: 10 },
};

async function run(items: IDataObject[], metricsUrl?: string) {
	return await executeNode({
		node: new HubSpotRevOps(),
		parameters: upsert,
		items,
		credentials: [
			{
				type: new HubSpotRevOpsPrivateAppApi(),
				data: { accessToken: 'pat-sandbox', baseUrl: t.sb.hubspotUrl },
			},
			...(metricsUrl
				? [
						{
							type: new RevOpsMetricsApi(),
							data: { url: metricsUrl, token: 'metrics-secret', flushSeconds: 0 },
						},
					]
				: []),
		],
	});
}

describe('HubSpot node metrics', () => {
	const capture = metricsIntake();
	let url: string;
	beforeAll(async () => (url = await capture.start()));
	afterAll(async () => await capture.stop());
	beforeEach(() => {
		capture.received.length = 0;
		capture.answer(204);
	});

	test('one snapshot per run counting every call the sandbox logged, by status; the token only in the header', async () => {
		await admin(t.sb, 'PUT', '/faults', {
			seed: 7,
			systems: ['hubspot'],
			rateLimit429: 0.15,
			serviceUnavailable503: 0.1,
			connectionReset: 0.05,
		});
		await admin(t.sb, 'DELETE', '/requests');
		const result = await run(clayRows({ rows: 120, companies: 120, seed: 9 }), url);
		await admin(t.sb, 'DELETE', '/faults');
		expect(result.error).toBeUndefined();
		await untilFlushed(() => capture.received.length > 0);
		const log = await requestLog(t.sb);
		const by = (status: number) => log.filter((r) => r.status === status).length;
		expect(by(429)).toBeGreaterThan(0);
		expect(by(503)).toBeGreaterThan(0);

		expect(capture.received).toHaveLength(1);
		const [{ authorization, body, raw }] = capture.received;
		expect(authorization).toBe('Bearer metrics-secret');
		expect(raw).not.toContain('metrics-secret');
		expect(raw).not.toContain('pat-sandbox');
		const snaps = [body];
		const calls = (status: string) =>
			sumOf(
				snaps,
				'revops_api_requests_total',
				(l) => l.system === 'hubspot' && l.status === status,
			);
		expect(calls('429')).toBe(by(429));
		expect(calls('503')).toBe(by(503));
		// A reset connection is logged by the sandbox with no HTTP status; the node names the network error.
		const resets = log.filter((r) => r.fault === 'reset' || r.status === 0).length;
		expect(calls('ECONNRESET') + calls('NETWORK_ERROR')).toBe(resets);
		expect(sumOf(snaps, 'revops_api_requests_total', () => true)).toBe(log.length);
		expect(sumOf(snaps, 'revops_api_request_duration_seconds', () => true)).toBe(log.length);
		// The run ended without an error: every failed call was retried.
		expect(sumOf(snaps, 'revops_api_retries_total', () => true)).toBe(
			log.filter((r) => !(r.status >= 200 && r.status < 300)).length,
		);
		expect(
			sumOf(
				snaps,
				'revops_records_total',
				(l) => l.operation === 'company.upsert' && l.outcome === 'success',
			),
		).toBe(result.outputs[0].length);
		expect(sumOf(snaps, 'revops_node_run_duration_seconds', () => true)).toBe(1);
	});

	test('without the credential nothing is sent', async () => {
		const before = capture.attempts();
		const result = await run(clayRows({ rows: 5, companies: 5, seed: 3 }));
		expect(result.error).toBeUndefined();
		await new Promise((r) => setTimeout(r, 300));
		expect(capture.attempts()).toBe(before);
		expect(capture.received).toEqual([]);
	});

	test('an intake that is down never fails the run; the next flush carries both runs', async () => {
		capture.answer(503);
		await admin(t.sb, 'DELETE', '/requests');
		const before = capture.attempts();
		const first = await run(clayRows({ rows: 5, companies: 5, seed: 4 }), url);
		expect(first.error).toBeUndefined();
		await untilFlushed(() => capture.attempts() > before);
		expect(capture.received).toEqual([]);
		capture.answer(204);
		await run(clayRows({ rows: 5, companies: 5, seed: 5 }), url);
		await untilFlushed(() => capture.received.length > 0);
		expect(capture.received).toHaveLength(1);
		expect(sumOf([capture.received[0].body], 'revops_api_requests_total', () => true)).toBe(
			(await requestLog(t.sb)).length,
		);
		expect(sumOf([capture.received[0].body], 'revops_node_run_duration_seconds', () => true)).toBe(
			2,
		);
	});
});
