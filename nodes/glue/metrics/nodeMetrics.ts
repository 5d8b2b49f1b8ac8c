// A node's handle on the metrics: undefined unless the node has a RevOps Metrics API credential (so a
// node without one pays nothing). It records into this process's recorder and flushes it, one POST for
// everything aggregated, once the credential's interval has passed; a failed flush keeps the figures for
// the next one and never fails the node.
import type { IExecuteFunctions, IHttpRequestOptions, IWebhookFunctions } from 'n8n-workflow';
import type { Labels, MetricName, MetricsRecorder } from '../../shared/metrics';
import type { CallMeter } from '../../shared/ratelimit';
import { recorderFor } from './registry';

export const METRICS_CREDENTIAL = 'revOpsMetricsApi';

type Context = IExecuteFunctions | IWebhookFunctions;

interface MetricsCredential {
	url: string;
	flushSeconds?: number;
}

export class NodeMetrics {
	constructor(
		private readonly context: Context,
		private readonly credential: MetricsCredential,
		readonly recorder: MetricsRecorder,
	) {}

	count(name: MetricName, labels: Labels, by = 1): void {
		this.recorder.count(name, labels, by);
	}

	observe(name: MetricName, labels: Labels, value: number): void {
		this.recorder.observe(name, labels, value);
	}

	gauge(name: MetricName, labels: Labels, value: number): void {
		this.recorder.gauge(name, labels, value, Date.now());
	}

	/** What a transport's pacedRequest reports for `system`. */
	callMeter(system: string): CallMeter {
		const recorder = this.recorder;
		return {
			waited: (ms) => recorder.count('revops_api_budget_wait_seconds_total', { system }, ms / 1000),
			answered: (latencyMs, status, kind) => {
				recorder.count('revops_api_requests_total', { system, kind, status });
				recorder.observe('revops_api_request_duration_seconds', { system, kind }, latencyMs / 1000);
			},
			retried: (failureKind) =>
				recorder.count('revops_api_retries_total', {
					system,
					reason: failureKind === 'rateLimited' ? 'rate_limited' : failureKind,
				}),
			circuit: (open) => {
				if (open) recorder.count('revops_api_circuit_refused_total', { system });
				recorder.gauge('revops_api_circuit_open', { system }, open ? 1 : 0, Date.now());
			},
		};
	}

	/**
	 * Sends what this process aggregated if the interval has passed (`force`: whatever it is). The nodes do not
	 * wait for it (`void metrics.flush()`): the request runs beside the pipeline, never in its way; the
	 * promise settles when it is done (tests wait for it), and never rejects.
	 */
	async flush(force = false): Promise<void> {
		const now = Date.now();
		const interval = Math.max(0, Number(this.credential.flushSeconds ?? 30)) * 1000;
		if (!force && !this.recorder.due(now, interval)) return;
		const snapshot = this.recorder.take(now);
		if (!snapshot) return;
		const options: IHttpRequestOptions = {
			method: 'POST',
			url: this.credential.url,
			body: snapshot,
			json: true,
			timeout: 10_000,
		};
		try {
			await this.context.helpers.httpRequestWithAuthentication.call(
				this.context,
				METRICS_CREDENTIAL,
				options,
			);
		} catch (error) {
			this.recorder.restore(snapshot);
			this.context.logger.warn(
				`RevOps metrics: could not send to the metrics intake (kept for the next flush): ${(error as Error).message}`,
			);
		}
	}
}

export async function openMetrics(context: Context): Promise<NodeMetrics | undefined> {
	const ref = context.getNode().credentials?.[METRICS_CREDENTIAL];
	if (!ref) return undefined;
	try {
		const credential = await context.getCredentials<MetricsCredential>(METRICS_CREDENTIAL);
		if (!credential?.url) return undefined;
		return new NodeMetrics(context, credential, recorderFor(ref.id ?? ref.name, Date.now()));
	} catch (error) {
		// Metrics must never stop a pipeline: say why they are off and go on.
		context.logger.warn(
			`RevOps metrics: credential unreadable, not recording: ${(error as Error).message}`,
		);
		return undefined;
	}
}

/** Why a trigger refuses with a status (the triggers' own refusals: signature, shape, fields, replay, size). */
const REFUSAL_REASONS: Record<number, string> = {
	400: 'malformed',
	401: 'signature',
	409: 'replay',
	413: 'too_large',
	422: 'invalid_fields',
	500: 'error',
};

/** A webhook trigger's answer: accepted (an execution starts) or refused with the status it answered. */
export async function recordWebhook(
	context: IWebhookFunctions,
	trigger: string,
	accepted: boolean,
	status?: number,
): Promise<void> {
	const metrics = await openMetrics(context);
	if (!metrics) return;
	const workflow = context.getWorkflow();
	metrics.count('revops_webhook_requests_total', {
		trigger,
		workflow: workflow.name ?? String(workflow.id ?? ''),
		outcome: accepted ? 'accepted' : 'refused',
		status: status ? String(status) : '',
		reason: accepted ? '' : (REFUSAL_REASONS[status ?? 0] ?? 'other'),
	});
	void metrics.flush();
}
