// The only code that talks to Clay: one row per POST to a table's webhook source, authenticated by n8n
// with the ClayApi credential, paced under the workspace's intake rate and retried on 429 (Retry-After
// honoured), 5xx and network failures with backoff — the package's one retry policy (pacedRequest). A refused row is reported, never thrown: the node
// routes it to its error output and goes on with the rest.
import {
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
} from 'n8n-workflow';
import {
	pacedRequest,
	retryAfterMs,
	type CallMeter,
	type FailedAttempt,
} from '../../shared/ratelimit';
import type { RowPacing } from '../../shared/clay';

export const CREDENTIAL_TYPE = 'clayApi';

export type RowOutcome =
	| { ok: true; attempts: number }
	| { ok: false; attempts: number; status?: number; message: string };

export interface PushStats {
	calls: number;
	retries: number;
	rateLimited: number;
}

interface RawResponse {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

/** Clay's answer bodies are undocumented; the sandbox and Clay both put a reason in `message` or `error`. */
function reasonOf(response: RawResponse): string {
	const body = response.body as IDataObject | string | undefined;
	const text = typeof body === 'string' ? body : (body?.message ?? body?.error);
	return `Clay answered HTTP ${response.statusCode}${text ? `: ${String(text)}` : ''}`;
}

export class ClayClient {
	readonly stats: PushStats = { calls: 0, retries: 0, rateLimited: 0 };

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly webhookUrl: string,
		private readonly pacing: RowPacing,
		private readonly timeoutMs = 30_000,
		/** Sees every call (metrics), when the node records them. */
		private readonly meter?: CallMeter,
	) {}

	async pushRow(row: IDataObject): Promise<RowOutcome> {
		const outcome = await pacedRequest({
			planner: this.pacing.planner,
			retry: this.pacing.retry,
			sleep,
			send: async () => {
				this.stats.calls++;
				return await this.send(row);
			},
			failureOf: (answer, now): FailedAttempt | undefined => {
				if (!('statusCode' in answer)) return { networkCode: 'NETWORK_ERROR' };
				if (answer.statusCode < 300) return undefined;
				if (answer.statusCode === 429) this.stats.rateLimited++;
				return { status: answer.statusCode, retryAfterMs: retryAfterMs(answer.headers, now) };
			},
			onRetry: () => this.stats.retries++,
			meter: this.meter,
			statusOf: (answer) => ('statusCode' in answer ? String(answer.statusCode) : 'NETWORK_ERROR'),
		});
		if (outcome.ok) return { ok: true, attempts: outcome.attempts };
		if ('circuitOpen' in outcome)
			throw new Error('unreachable: the Clay transport has no circuit breaker');
		const { answer, attempts, failure, reason } = outcome;
		const message =
			'statusCode' in answer ? reasonOf(answer) : `Clay could not be reached: ${answer.error}`;
		return {
			ok: false,
			attempts,
			status: failure.status,
			message: attempts > 1 ? `${message} (${reason})` : message,
		};
	}

	private async send(row: IDataObject): Promise<RawResponse | { error: string }> {
		const options: IHttpRequestOptions = {
			method: 'POST',
			url: this.webhookUrl,
			body: row,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: this.timeoutMs,
		};
		try {
			return (await this.context.helpers.httpRequestWithAuthentication.call(
				this.context,
				CREDENTIAL_TYPE,
				options,
			)) as RawResponse;
		} catch (error) {
			return { error: error instanceof Error ? error.message : String(error) };
		}
	}
}
