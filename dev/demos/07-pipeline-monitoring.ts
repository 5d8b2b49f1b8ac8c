// Demo of the monitoring template (07): posts an unhealthy hour of measurements to template 10's metrics
// intake, as the package's nodes do (a snapshot: HubSpot calls with 5xx and 429 answers and slow latencies, a
// queue whose oldest row waits 15 min), then runs the check once now, as the editor's "Execute workflow"
// does, instead of waiting for the next quarter hour. #revops-alerts gets one message per breached threshold.
import type { N8nInstance } from '../harness';
import { MetricsRecorder, type Snapshot } from '../../nodes/shared/metrics';
import { SANDBOX_METRICS_TOKEN } from '../stack/credentials';
import { ensureSlackChannel, runScheduledNow, templateWorkflowId } from '../stack/support';
import type { TemplateDemo } from '../stack/templates';

export const SLUG = '07-pipeline-monitoring';
export const ALERT_CHANNEL = 'revops-alerts';
export const METRICS_INTAKE_PATH = 'revops-metrics-intake';

/** One window of activity of one system (and one queue), stamped `minutesAgo` before now. */
export interface Activity {
	system?: string;
	calls: number;
	/** Calls answered 5xx (the rest of the failures are network errors: none here). */
	errors: number;
	rateLimited: number;
	/** Calls this slow (seconds); the others answer in 80 ms. */
	slowCalls?: number;
	slowSeconds?: number;
	pipeline?: string;
	/** Rows stored and not yet done, and the age of the oldest a drain saw. */
	pending?: number;
	oldestPendingSeconds?: number;
	minutesAgo?: number;
}

/** The snapshot a process would send after that activity. */
export function activitySnapshot(a: Activity, now = Date.now()): Snapshot {
	const at = now - (a.minutesAgo ?? 5) * 60_000;
	const r = new MetricsRecorder('demo', at - 60_000);
	const system = a.system ?? 'hubspot';
	const calls = (status: string, n: number) =>
		r.count('revops_api_requests_total', { system, kind: 'standard', status }, n);
	calls('200', a.calls - a.errors - a.rateLimited);
	calls('503', a.errors);
	calls('429', a.rateLimited);
	for (let i = 0; i < a.calls; i++)
		r.observe(
			'revops_api_request_duration_seconds',
			{ system, kind: 'standard' },
			i < (a.slowCalls ?? 0) ? (a.slowSeconds ?? 0) : 0.08,
		);
	if (a.pending) {
		const pipeline = a.pipeline ?? 'demo pipeline';
		r.count('revops_queue_rows_total', { pipeline, outcome: 'stored' }, a.pending);
		r.gauge(
			'revops_queue_oldest_pending_age_seconds',
			{ pipeline },
			a.oldestPendingSeconds ?? 0,
			at,
		);
	}
	return r.take(at)!;
}

/** Posts a snapshot to template 10's intake, as a node's flush does. */
export async function postSnapshot(n8n: N8nInstance, snapshot: Snapshot): Promise<void> {
	const res = await fetch(n8n.webhookUrl(METRICS_INTAKE_PATH), {
		method: 'POST',
		headers: {
			authorization: `Bearer ${SANDBOX_METRICS_TOKEN}`,
			'content-type': 'application/json',
		},
		body: JSON.stringify(snapshot),
	});
	if (res.status !== 204)
		throw new Error(`metrics intake answered ${res.status}: ${await res.text()}`);
}

/** An unhealthy hour: 8 % 5xx, 5 % 429, p95 above 2 s, a row pending for 15 min. */
export const UNHEALTHY_HOUR: Activity = {
	calls: 200,
	errors: 16,
	rateLimited: 10,
	slowCalls: 20,
	slowSeconds: 3,
	pending: 40,
	oldestPendingSeconds: 900,
};

export const demo: TemplateDemo = {
	slug: SLUG,
	title:
		'Posts an unhealthy hour of measurements to the metrics intake (template 10), then runs the check now: one #revops-alerts message per breached threshold, each saying what to do',
	howTo: () => `npm run demo -- ${SLUG}`,
	async run({ sandbox, n8n }) {
		await ensureSlackChannel(sandbox, ALERT_CHANNEL);
		await postSnapshot(n8n, activitySnapshot(UNHEALTHY_HOUR));
		const execution = await runScheduledNow(n8n, templateWorkflowId(n8n, SLUG));
		return { execution: execution.id, status: execution.status };
	},
};

export default demo;
