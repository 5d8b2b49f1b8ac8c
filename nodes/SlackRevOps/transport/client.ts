// The only code that talks to Slack: chat.postMessage through the package's one retry policy
// (pacedRequest), paced per channel (Slack allows about one message per second per channel), 429
// answers retried after their Retry-After, 5xx and network failures with backoff. Slack answers HTTP 200
// with {ok: false, error} for a refused message: that is an answer, reported, not retried. Authenticated by
// n8n with the node's credential.
import {
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
} from 'n8n-workflow';
import {
	pacedRequest,
	retryAfterMs,
	ThrottlePlanner,
	type CallMeter,
	type FailedAttempt,
	type RetrySettings,
} from '../../shared/ratelimit';

export const CREDENTIAL_TYPE = 'revOpsSlackApi';

/** Errors that no message of this run can get past: the node fails with them instead of rejecting rows. */
const FATAL = new Set([
	'not_authed',
	'invalid_auth',
	'account_inactive',
	'token_revoked',
	'token_expired',
	'missing_scope',
	'no_permission',
	'ekm_access_denied',
]);

export type PostOutcome =
	| { ok: true; channel: string; ts: string; attempts: number }
	| { ok: false; fatal: boolean; error: string; code: string; attempts: number };

interface RawResponse {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

type Answer = RawResponse | { networkError: string; code?: string };

const planners = new Map<string, ThrottlePlanner>();

/** One planner per credential and channel in this process, so executions posting at once share the pace. */
function channelPlanner(key: string, perSecond: number): ThrottlePlanner {
	const id = `${key}|${perSecond}`;
	let planner = planners.get(id);
	if (!planner) {
		// A long-running n8n posts to a bounded set of channels; keep the map bounded all the same.
		if (planners.size > 500) planners.clear();
		planner = new ThrottlePlanner({ max: perSecond, intervalMs: 1000, marginMs: 50, reserve: 0 });
		planners.set(id, planner);
	}
	return planner;
}

const slackError = (answer: RawResponse): string | undefined => {
	const body = answer.body as IDataObject | undefined;
	return body && body.ok === false ? String(body.error ?? 'unknown_error') : undefined;
};

export class SlackClient {
	constructor(
		private readonly context: IExecuteFunctions,
		private readonly baseUrl: string,
		private readonly credentialKey: string,
		private readonly messagesPerSecond: number,
		private readonly retry: RetrySettings,
		private readonly meter?: CallMeter,
	) {}

	async postMessage(message: IDataObject): Promise<PostOutcome> {
		const channel = String(message.channel);
		const outcome = await pacedRequest<Answer>({
			planner: channelPlanner(`${this.credentialKey}|${channel}`, this.messagesPerSecond),
			retry: this.retry,
			sleep,
			meter: this.meter,
			send: async () => await this.send(message),
			statusOf: (answer) => ('statusCode' in answer ? String(answer.statusCode) : 'NETWORK_ERROR'),
			failureOf: (answer, now): FailedAttempt | undefined => {
				if (!('statusCode' in answer)) return { networkCode: answer.code ?? 'NETWORK_ERROR' };
				if (answer.statusCode === 429 || slackError(answer) === 'ratelimited')
					return { status: 429, retryAfterMs: retryAfterMs(answer.headers, now) };
				if (answer.statusCode >= 300) return { status: answer.statusCode };
				// Refused by Slack (channel_not_found, not_in_channel, msg_too_long…): final, as a 400 would be.
				return slackError(answer) ? { status: 400 } : undefined;
			},
		});
		if (outcome.ok) {
			const body = (outcome.answer as RawResponse).body as IDataObject;
			return {
				ok: true,
				channel: String(body.channel ?? channel),
				ts: String(body.ts ?? ''),
				attempts: outcome.attempts,
			};
		}
		if ('circuitOpen' in outcome)
			throw new Error('unreachable: the Slack transport has no circuit breaker');
		const { answer, attempts, reason } = outcome;
		if (!('statusCode' in answer))
			return {
				ok: false,
				fatal: true,
				error: `Slack could not be reached: ${answer.networkError} (${reason})`,
				code: answer.code ?? 'network_error',
				attempts,
			};
		const code = slackError(answer) ?? `http_${answer.statusCode}`;
		const error = slackError(answer) ?? `Slack answered HTTP ${answer.statusCode}`;
		return {
			ok: false,
			code,
			fatal: FATAL.has(error) || answer.statusCode >= 500 || answer.statusCode === 429,
			error: attempts > 1 ? `${error} (${reason})` : error,
			attempts,
		};
	}

	private async send(message: IDataObject): Promise<Answer> {
		const options: IHttpRequestOptions = {
			method: 'POST',
			url: `${this.baseUrl}/chat.postMessage`,
			body: message,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 30_000,
		};
		try {
			return (await this.context.helpers.httpRequestWithAuthentication.call(
				this.context,
				CREDENTIAL_TYPE,
				options,
			)) as RawResponse;
		} catch (error) {
			const code = (error as { code?: unknown }).code;
			return {
				networkError: error instanceof Error ? error.message : String(error),
				code: typeof code === 'string' ? code : undefined,
			};
		}
	}
}
