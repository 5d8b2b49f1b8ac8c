// Demo of the monitoring template (07): writes an unhealthy hour of pipeline activity into the warehouse
// (structured workflow_log rows in the seeds' format, queued records, parked dead letters), then runs the
// check once now, as the editor's "Execute workflow" does, instead of waiting for the next quarter hour.
// #revops-alerts gets one message per breached threshold.
import { ensureSlackChannel, runScheduledNow, templateWorkflowId } from '../stack/support';
import type { TemplateDemo } from '../stack/templates';
import type { Warehouse } from '../stack/warehouse';

export const SLUG = '07-pipeline-monitoring';
export const ALERT_CHANNEL = 'revops-alerts';

/** Pipeline activity to write: counts of rows, all stamped `minutesAgo` before now. */
export interface Activity {
	/** workflow_log.workflow of the rows (default 'demo_pipeline'). */
	workflow?: string;
	successes: number;
	failures: number;
	/** duration_ms of every success and failure row. */
	durationMs: number;
	/** Rows with event and status 'rate_limited' (no outcome, no duration). */
	rateLimited: number;
	/** Pending rows in pipeline_queue. */
	queued: number;
	/** Parked rows in dead_letter. */
	parked: number;
	minutesAgo?: number;
}

/** Writes the activity with set-based SQL (thousands of rows in one statement each). */
export function writeActivity(warehouse: Warehouse, activity: Activity): void {
	const wf = (activity.workflow ?? 'demo_pipeline').replace(/'/g, "''");
	const at = `now() - interval '${activity.minutesAgo ?? 5} minutes'`;
	const log = (n: number, event: string, status: string, duration: string) =>
		`INSERT INTO workflow_log ("timestamp", workflow, event, record_id, status, duration_ms, metadata)
		 SELECT ${at}, '${wf}', '${event}', 'rec-' || g, '${status}', ${duration}, '{"source": "demo"}'::jsonb
		 FROM generate_series(1, ${n}) g;`;
	warehouse.exec(
		[
			log(activity.successes, 'record_processed', 'success', String(activity.durationMs)),
			log(activity.failures, 'record_processed', 'error', String(activity.durationMs)),
			log(activity.rateLimited, 'rate_limited', 'rate_limited', 'NULL'),
			`INSERT INTO pipeline_queue (workflow, record_id) SELECT '${wf}', 'rec-' || g FROM generate_series(1, ${activity.queued}) g;`,
			`INSERT INTO dead_letter (workflow_id, workflow, error_message, error_type)
			 SELECT 'demo', '${wf}', 'demo failure', 'permanent' FROM generate_series(1, ${activity.parked}) g;`,
		].join('\n'),
	);
}

/** An unhealthy hour: 10 % errors, 2.5 s average, 1,200 pending, 12 rate-limit hits. */
export const UNHEALTHY_HOUR: Activity = {
	successes: 36,
	failures: 4,
	durationMs: 2500,
	rateLimited: 12,
	queued: 1180,
	parked: 20,
};

export const demo: TemplateDemo = {
	slug: SLUG,
	title:
		'Writes an unhealthy hour into workflow_log and the backlog tables, then runs the check now: one #revops-alerts message per breached threshold',
	howTo: () => `npm run demo -- ${SLUG}`,
	async run({ sandbox, n8n, warehouse }) {
		await ensureSlackChannel(sandbox, ALERT_CHANNEL);
		writeActivity(warehouse, UNHEALTHY_HOUR);
		const execution = await runScheduledNow(n8n, templateWorkflowId(n8n, SLUG));
		return { execution: execution.id, status: execution.status };
	},
};

export default demo;
