// Every series the package records, with its type, help text and (for histograms) bucket bounds. The
// recorder refuses a name that is not here, so a typo cannot create a series nobody charts or alerts on.

export type MetricType = 'counter' | 'histogram' | 'gauge';

export interface MetricSpec {
	type: MetricType;
	help: string;
	/** Upper bounds of a histogram's buckets, ascending (Prometheus `le`); +Inf is implied. */
	buckets?: readonly number[];
}

const LATENCY = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;
const ROWS = [1, 10, 50, 100, 250, 500, 1000, 5000] as const;
const LAG = [1, 5, 15, 30, 60, 120, 300, 900, 3600] as const;
const RUN = [0.1, 0.5, 1, 5, 15, 60, 300, 900] as const;

export const METRICS = {
	revops_api_request_duration_seconds: {
		type: 'histogram',
		help: 'Time from sending a call to its answer, per system and call kind (retries are separate calls)',
		buckets: LATENCY,
	},
	revops_api_requests_total: {
		type: 'counter',
		help: 'Calls answered, per system, kind and status (HTTP code, or the network error code)',
	},
	revops_api_retries_total: {
		type: 'counter',
		help: 'Calls sent again after a failure, per system and reason (rate_limited, transient)',
	},
	revops_api_budget_wait_seconds_total: {
		type: 'counter',
		help: 'Seconds calls waited for rate-limit budget before being sent, per system',
	},
	revops_api_circuit_refused_total: {
		type: 'counter',
		help: 'Calls not sent because the circuit breaker was open (the service failed N calls in a row)',
	},
	revops_api_circuit_open: {
		type: 'gauge',
		help: '1 while the last call of a system found its circuit breaker open, 0 after a call went through',
	},
	revops_webhook_requests_total: {
		type: 'counter',
		help: 'Webhook requests answered by the trigger, per trigger, workflow, outcome (accepted, refused) and status',
	},
	revops_records_total: {
		type: 'counter',
		help: 'Records a node run wrote or read, per system, operation and outcome (success, rejected)',
	},
	revops_node_run_duration_seconds: {
		type: 'histogram',
		help: 'Duration of one node run (all its items and calls), per system and operation',
		buckets: RUN,
	},
	revops_queue_rows_total: {
		type: 'counter',
		help: 'Queue rows per pipeline and outcome (stored, repeat, done, retried, dead)',
	},
	revops_queue_store_failures_total: {
		type: 'counter',
		help: 'Writes the queue store refused (intake answered 503/500, or a drain could not take its lock), per pipeline and kind (full, unavailable, missingTable, wrongShape)',
	},
	revops_queue_batch_size: {
		type: 'histogram',
		help: 'Rows a drain claimed, per pipeline',
		buckets: ROWS,
	},
	revops_queue_row_latency_seconds: {
		type: 'histogram',
		help: 'Time from a row being stored to its outcome (done, retried or dead), per pipeline',
		buckets: LAG,
	},
	revops_queue_oldest_pending_age_seconds: {
		type: 'gauge',
		help: 'Age of the oldest row the last drain claimed, per pipeline',
	},
	revops_queue_drain_duration_seconds: {
		type: 'histogram',
		help: 'Time from a drain starting to its outcomes being settled, per pipeline',
		buckets: RUN,
	},
	revops_slack_messages_total: {
		type: 'counter',
		help: 'Slack messages per pipeline and outcome (ok, or the error Slack answered)',
	},
} as const satisfies Record<string, MetricSpec>;

export type MetricName = keyof typeof METRICS;

export function specOf(name: string): MetricSpec | undefined {
	return (METRICS as Record<string, MetricSpec>)[name];
}
