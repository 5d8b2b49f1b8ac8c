// The only code that talks to HubSpot. Every call is authenticated by n8n with the node's
// credential and goes through the package's one retry policy (pacedRequest): paced by the throttle
// planner so it lands inside the rate-limit window, retried (429 by policy, 5xx and network failures
// with backoff) and refused outright once the circuit breaker has seen HubSpot fail N times in a row.
import {
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
} from 'n8n-workflow';
import {
	CircuitBreaker,
	pacedRequest,
	readRateLimitHeaders,
	retryAfterMs,
	ThrottlePlanner,
	type CallKind,
	type CallMeter,
	type FailedAttempt,
} from '../../shared/ratelimit';
import { HubSpotFailure, isObject } from './failure';
import type { TransportSettings } from './settings';

export interface HubSpotRequest {
	method: IHttpRequestMethods;
	/** Below the base URL, e.g. `/crm/v3/objects/companies/batch/create`. */
	path: string;
	body?: unknown;
	qs?: IDataObject;
	/** Search calls have their own per-second limit. */
	kind?: CallKind;
}

export interface HubSpotResponse<T = IDataObject> {
	status: number;
	body: T;
}

type Caller = IExecuteFunctions | ILoadOptionsFunctions;

interface RawResponse {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

const NETWORK_CODE = /^E[A-Z_]+$/;

function networkCode(error: unknown): string {
	const candidates = [error, isObject(error) ? error.cause : undefined];
	for (const candidate of candidates) {
		const code = isObject(candidate) ? candidate.code : undefined;
		if (typeof code === 'string' && NETWORK_CODE.test(code)) return code;
	}
	return 'NETWORK_ERROR';
}

export class HubSpotClient {
	private readonly planner: ThrottlePlanner;
	private readonly breaker: CircuitBreaker;

	constructor(
		private readonly caller: Caller,
		private readonly credentialType: string,
		private readonly baseUrl: string,
		private readonly settings: TransportSettings,
		/** Shared with every client of the same credential (see planners.ts); a run's own when absent. */
		planner?: ThrottlePlanner,
		/** Sees every call (metrics), when the node records them. */
		private readonly meter?: CallMeter,
	) {
		this.planner = planner ?? new ThrottlePlanner(settings.throttle);
		this.breaker = new CircuitBreaker(settings.breaker);
	}

	/** A 2xx answer (207 included: batch callers read its `errors[]`), or a thrown HubSpotFailure. */
	async request<T = IDataObject>(request: HubSpotRequest): Promise<HubSpotResponse<T>> {
		const outcome = await pacedRequest({
			kind: request.kind ?? 'standard',
			planner: this.planner,
			retry: this.settings.retry,
			breaker: this.breaker,
			sleep,
			send: async () => await this.send(request),
			onAnswer: (answer, now) => {
				if ('statusCode' in answer) this.planner.observe(readRateLimitHeaders(answer.headers), now);
			},
			failureOf: (answer) => this.describe(answer),
			meter: this.meter,
			statusOf: (answer) => ('statusCode' in answer ? String(answer.statusCode) : 'NETWORK_ERROR'),
		});
		if ('circuitOpen' in outcome) throw this.circuitOpen();
		if (!outcome.ok) throw this.toFailure(outcome.answer, outcome.attempts, outcome.reason);
		// describe() calls only an HTTP answer below 300 a success.
		const answer = outcome.answer as RawResponse;
		return { status: answer.statusCode, body: answer.body as T };
	}

	private async send(request: HubSpotRequest): Promise<RawResponse | { error: unknown }> {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${this.baseUrl}${request.path}`,
			qs: request.qs,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: this.settings.timeoutMs,
		};
		if (request.body !== undefined) options.body = request.body as IDataObject;
		try {
			return (await this.caller.helpers.httpRequestWithAuthentication.call(
				this.caller,
				this.credentialType,
				options,
			)) as RawResponse;
		} catch (error) {
			return { error };
		}
	}

	/** What failed about an answer; undefined for a success (2xx). */
	private describe(outcome: RawResponse | { error: unknown }): FailedAttempt | undefined {
		if (!('statusCode' in outcome)) return { networkCode: networkCode(outcome.error) };
		if (outcome.statusCode < 300) return undefined;
		const body = isObject(outcome.body) ? outcome.body : {};
		return {
			status: outcome.statusCode,
			policyName: typeof body.policyName === 'string' ? body.policyName : undefined,
			retryAfterMs: retryAfterMs(outcome.headers, Date.now()),
		};
	}

	private toFailure(
		outcome: RawResponse | { error: unknown },
		attempts: number,
		reason: string,
	): HubSpotFailure {
		if (!('statusCode' in outcome)) {
			const code = networkCode(outcome.error);
			const message =
				outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
			return new HubSpotFailure({ message: `${message} (${reason})`, category: code, attempts });
		}
		const fallback = `HubSpot answered HTTP ${outcome.statusCode}`;
		const failure = HubSpotFailure.fromBody(outcome.body, outcome.statusCode, fallback, {
			attempts,
		});
		if (attempts > 1) failure.message = `${failure.message} (${reason})`;
		return failure;
	}

	private circuitOpen(): HubSpotFailure {
		return new HubSpotFailure({
			message: `Not sent: HubSpot failed ${this.settings.breaker.threshold} calls in a row, so this run stopped calling it (circuit open). Re-run these items later.`,
			category: 'CIRCUIT_OPEN',
		});
	}
}
