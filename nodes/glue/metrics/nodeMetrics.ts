// A node's handle on the metrics: undefined unless the node has a RevOps Metrics API credential (so a
// node without one pays nothing). It records into this process's recorder and flushes it, one POST for
// everything aggregated, once the credential's interval has passed; a failed flush keeps the figures for
// the next one and never fails the node.
import {
	sleep,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type IWebhookFunctions,
} from 'n8n-workflow';
import type { Labels, MetricName, MetricsRecorder } from '../../shared/metrics';
import type { CallMeter } from '../../shared/ratelimit';
import { recorderFor } from './registry';

export const METRICS_CREDENTIAL = 'revOpsMetricsApi';

type Context = IExecuteFunctions | IWebhookFunctions;

interface MetricsCredential {
	url: string;
	flushSeconds?: number;
}

/** Flush interval per credential, learnt at its first flush: recording needs no credential read. */
const intervals = new Map<string, number>();

/** Credentials with a trailing flush waiting in this process (one at a time). */
const trailing = new Set<string>();

export class NodeMetrics {
	constructor(
		private readonly context: Context,
		private readonly credentialId: string,
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
	 * What a process records after its last flush would otherwise wait for its next node run or request (a
	 * webhook processor that goes quiet would hold its last refusals until traffic resumes): one trailing
	 * flush per credential sends it once the interval has passed.
	 */
	private flushLater(intervalMs: number): void {
		if (trailing.has(this.credentialId) || intervalMs <= 0) return;
		trailing.add(this.credentialId);
		void sleep(intervalMs).then(async () => {
			trailing.delete(this.credentialId);
			await this.flush();
		});
	}

	/**
	 * Sends what this process aggregated if the interval has passed (`force`: whatever it is). The nodes do not
	 * wait for it (`void metrics.flush()`): the request runs beside the pipeline, never in its way; the
	 * promise settles when it is done (tests wait for it), and never rejects. The credential is read here,
	 * once per flush, not on every record (a webhook request pays nothing until a flush is due).
	 */
	async flush(force = false): Promise<void> {
		const known = intervals.get(this.credentialId);
		if (!force && !this.recorder.due(Date.now(), known ?? 0)) {
			this.flushLater(known ?? 0);
			return;
		}
		let credential: MetricsCredential;
		try {
			credential = await this.context.getCredentials<MetricsCredential>(METRICS_CREDENTIAL);
		} catch (error) {
			// Metrics must never stop a pipeline: say why nothing is sent; the figures stay for a later flush.
			this.context.logger.warn(
				`RevOps metrics: credential unreadable, nothing sent: ${(error as Error).message}`,
			);
			return;
		}
		const interval = Math.max(0, Number(credential.flushSeconds ?? 30)) * 1000;
		intervals.set(this.credentialId, interval);
		const now = Date.now();
		if (!credential.url) return;
		if (!force && !this.recorder.due(now, interval)) {
			this.flushLater(interval);
			return;
		}
		const snapshot = this.recorder.take(now);
		if (!snapshot) return;
		const options: IHttpRequestOptions = {
			method: 'POST',
			url: credential.url,
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
			this.flushLater(interval);
		}
	}
}

/** The node's metrics, or undefined when it has no RevOps Metrics API credential (then nothing is recorded). */
export function openMetrics(context: Context): NodeMetrics | undefined {
	const ref = context.getNode().credentials?.[METRICS_CREDENTIAL];
	if (!ref) return undefined;
	const id = ref.id ?? ref.name;
	return new NodeMetrics(context, id, recorderFor(id, Date.now()));
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
export function recordWebhook(
	context: IWebhookFunctions,
	trigger: string,
	accepted: boolean,
	status?: number,
): void {
	const metrics = openMetrics(context);
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
