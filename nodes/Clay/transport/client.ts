// The only code that talks to Clay: one row per POST to a table's webhook source, authenticated by n8n
// with the ClayApi credential, paced under the workspace's intake rate and retried on 429 (Retry-After
// honoured), 5xx and network failures with backoff. A refused row is reported, never thrown: the node
// routes it to its error output and goes on with the rest.
import {
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
} from 'n8n-workflow';
import { decideRetry, retryAfterMs, type FailedAttempt } from '../../shared/ratelimit';
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
	) {}

	async pushRow(row: IDataObject): Promise<RowOutcome> {
		const { planner, retry } = this.pacing;
		for (let attempt = 1; ; attempt++) {
			const wait = planner.delayFor('standard', Date.now());
			if (wait > 0) await sleep(wait);
			this.stats.calls++;

			const outcome = await this.send(row);
			// Recorded when Clay answered, not when the row left: the row reached Clay at or before that, so
			// Clay's own window never holds one row too many, however long a request was in flight.
			planner.record('standard', Date.now());
			if ('statusCode' in outcome && outcome.statusCode < 300)
				return { ok: true, attempts: attempt };

			const failure: FailedAttempt =
				'statusCode' in outcome
					? { status: outcome.statusCode, retryAfterMs: retryAfterMs(outcome.headers, Date.now()) }
					: { networkCode: 'NETWORK_ERROR' };
			if (failure.status === 429) this.stats.rateLimited++;
			const decision = decideRetry(failure, attempt, retry);
			if (!decision.retry) {
				const message =
					'statusCode' in outcome
						? reasonOf(outcome)
						: `Clay could not be reached: ${outcome.error}`;
				return {
					ok: false,
					attempts: attempt,
					status: failure.status,
					message: attempt > 1 ? `${message} (${decision.reason})` : message,
				};
			}
			this.stats.retries++;
			await sleep(decision.delayMs);
		}
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
