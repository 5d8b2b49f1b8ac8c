import { CircuitBreaker } from '../../../../../nodes/shared/ratelimit/breaker';
import { pacedRequest } from '../../../../../nodes/shared/ratelimit/pacedRequest';
import { DEFAULT_RETRY } from '../../../../../nodes/shared/ratelimit/retry';
import { ThrottlePlanner } from '../../../../../nodes/shared/ratelimit/throttle';

// A scripted service on a fake clock: each send answers the next status; waits advance the clock.
function service(
	statuses: number[],
	planner = new ThrottlePlanner({ max: 2, intervalMs: 1000, marginMs: 0 }),
) {
	let clock = 0;
	const sent: number[] = [];
	const waits: number[] = [];
	const answers = [...statuses];
	return {
		sent,
		waits,
		planner,
		call: {
			planner,
			retry: { ...DEFAULT_RETRY, maxAttempts: 3, baseDelayMs: 100 },
			now: () => clock,
			sleep: async (ms: number) => {
				waits.push(ms);
				clock += ms;
			},
			send: async () => {
				sent.push(clock);
				clock += 10;
				return answers.shift() ?? 200;
			},
			failureOf: (status: number) => (status < 300 ? undefined : { status }),
		},
	};
}

describe('pacedRequest', () => {
	it('answers a success at once, counting the call in the planner', async () => {
		const s = service([200]);
		await expect(pacedRequest(s.call)).resolves.toEqual({ ok: true, answer: 200, attempts: 1 });
		expect(s.waits).toEqual([]);
		expect(s.planner.lastCallAt).toBe(10);
	});

	it('waits for the budget before sending: the third call in a 2-per-second window waits', async () => {
		const s = service([200, 200, 200]);
		for (let i = 0; i < 3; i++) await pacedRequest(s.call);
		expect(s.sent[2]).toBeGreaterThanOrEqual(1000);
		expect(s.waits).toHaveLength(1);
	});

	it('retries a 503 with backoff, then succeeds', async () => {
		const s = service([503, 200]);
		const outcome = await pacedRequest(s.call);
		expect(outcome).toEqual({ ok: true, answer: 200, attempts: 2 });
		expect(s.sent).toHaveLength(2);
		expect(s.waits[0]).toBeGreaterThanOrEqual(50);
	});

	it('gives up after maxAttempts with the reason, and never retries a 400', async () => {
		const down = service([503, 503, 503, 503]);
		await expect(pacedRequest(down.call)).resolves.toMatchObject({
			ok: false,
			attempts: 3,
			failure: { status: 503 },
			reason: 'gave up after 3 attempts',
		});
		const bad = service([400]);
		await expect(pacedRequest(bad.call)).resolves.toMatchObject({
			ok: false,
			attempts: 1,
			reason: 'HTTP 400 is not retryable',
		});
	});

	it('reports every retry and every answer to the transport', async () => {
		const s = service([429, 200]);
		const retries: number[] = [];
		const answers: number[] = [];
		await pacedRequest({
			...s.call,
			onRetry: (failure) => retries.push(failure.status!),
			onAnswer: (answer) => answers.push(answer),
		});
		expect(retries).toEqual([429]);
		expect(answers).toEqual([429, 200]);
	});

	it('stops sending once the circuit breaker opens; a 4xx does not count against it', async () => {
		const breaker = new CircuitBreaker({ threshold: 2, cooldownMs: Infinity });
		const s = service([404, 500, 500, 500]);
		await pacedRequest({ ...s.call, breaker });
		expect(breaker.consecutiveFailures).toBe(0);
		const outcome = await pacedRequest({ ...s.call, breaker });
		expect(outcome).toEqual({ ok: false, circuitOpen: true, attempts: 2 });
		expect(s.sent).toHaveLength(3);
		await expect(pacedRequest({ ...s.call, breaker })).resolves.toMatchObject({
			circuitOpen: true,
			attempts: 0,
		});
		expect(s.sent).toHaveLength(3);
	});

	it('tells a meter every wait, answer (latency, status), retry and circuit refusal', async () => {
		const seen: string[] = [];
		const meter = {
			waited: (ms: number) => seen.push(`waited ${ms}`),
			answered: (latency: number, status: string, kind: string) =>
				seen.push(`answered ${status} ${kind} in ${latency}`),
			retried: (kind: string) => seen.push(`retried ${kind}`),
			circuit: (open: boolean) => seen.push(`circuit ${open ? 'open' : 'closed'}`),
		};
		const s = service([200, 200, 429, 201]);
		await pacedRequest({ ...s.call, meter });
		await pacedRequest({ ...s.call, meter });
		await pacedRequest({ ...s.call, meter, statusOf: (status) => String(status) });
		expect(seen).toEqual([
			'answered 200 standard in 10',
			'answered 200 standard in 10',
			// The third call in the 2-per-second window waits for the budget, is answered 429, retried, then 201.
			'waited 990',
			'answered 429 standard in 10',
			'retried rateLimited',
			'answered 201 standard in 10',
		]);

		const breaker = new CircuitBreaker({ threshold: 1, cooldownMs: Infinity });
		const failing = service([500]);
		const circuit: string[] = [];
		const outcome = await pacedRequest({
			...failing.call,
			retry: { ...failing.call.retry, maxAttempts: 1 },
			breaker,
			meter: { ...meter, circuit: (open: boolean) => circuit.push(open ? 'open' : 'closed') },
		});
		expect(outcome).toMatchObject({ ok: false });
		await pacedRequest({
			...failing.call,
			breaker,
			meter: { ...meter, circuit: (open: boolean) => circuit.push(open ? 'open' : 'closed') },
		});
		expect(circuit).toEqual(['closed', 'open']);
	});

	it('labels a network failure with its code', async () => {
		const statuses: string[] = [];
		await pacedRequest({
			planner: new ThrottlePlanner({ max: 10, intervalMs: 1000, marginMs: 0 }),
			retry: { ...DEFAULT_RETRY, maxAttempts: 1 },
			sleep: async () => {},
			send: async () => 'reset',
			failureOf: () => ({ networkCode: 'ECONNRESET' }),
			meter: {
				waited: () => {},
				answered: (_latency, status) => statuses.push(status),
				retried: () => {},
				circuit: () => {},
			},
		});
		expect(statuses).toEqual(['ECONNRESET']);
	});
});
