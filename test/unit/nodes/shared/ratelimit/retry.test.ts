import {
	backoffMs,
	classifyFailure,
	decideRetry,
	DEFAULT_RETRY,
} from '../../../../../nodes/shared/ratelimit/retry';

const settings = { ...DEFAULT_RETRY, maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 8000 };
const half = () => 0.5;

describe('decideRetry', () => {
	it('never retries the DAILY limit', () => {
		const decision = decideRetry({ status: 429, policyName: 'DAILY' }, 1, settings, half);
		expect(decision).toMatchObject({ retry: false, kind: 'dailyLimit' });
	});

	it('retries the rolling and secondly limits, honouring Retry-After when given', () => {
		expect(
			decideRetry({ status: 429, policyName: 'TEN_SECONDLY_ROLLING' }, 1, settings, half),
		).toMatchObject({ retry: true, kind: 'rateLimited' });
		expect(
			decideRetry(
				{ status: 429, policyName: 'SECONDLY' },
				1,
				{ ...settings, baseDelayMs: 10 },
				half,
			),
		).toEqual({ retry: true, delayMs: 1000, kind: 'rateLimited' });
		expect(decideRetry({ status: 429, retryAfterMs: 3000 }, 1, settings, () => 0)).toEqual({
			retry: true,
			delayMs: 3000,
			kind: 'rateLimited',
		});
	});

	it.each([500, 502, 503, 504])('retries HTTP %i', (status) => {
		expect(decideRetry({ status }, 1, settings, half)).toMatchObject({
			retry: true,
			kind: 'transient',
		});
	});

	it('retries network failures and timeouts (no status)', () => {
		expect(decideRetry({ networkCode: 'ECONNRESET' }, 2, settings, half)).toMatchObject({
			retry: true,
			kind: 'transient',
		});
	});

	it.each([400, 401, 403, 404, 409])('does not retry HTTP %i', (status) => {
		expect(decideRetry({ status }, 1, settings, half)).toMatchObject({
			retry: false,
			kind: 'permanent',
		});
	});

	it('bounds the attempts', () => {
		expect(decideRetry({ status: 503 }, 4, settings, half).retry).toBe(true);
		expect(decideRetry({ status: 503 }, 5, settings, half)).toMatchObject({
			retry: false,
			reason: 'gave up after 5 attempts',
		});
		expect(decideRetry({ status: 429 }, 5, settings, half).retry).toBe(false);
	});
});

describe('backoffMs', () => {
	it('doubles per attempt up to the cap, with jitter between half and the full step', () => {
		expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, settings, () => 1))).toEqual([
			1000, 2000, 4000, 8000, 8000,
		]);
		expect([1, 2, 3].map((a) => backoffMs(a, settings, () => 0))).toEqual([500, 1000, 2000]);
	});
});

describe('classifyFailure', () => {
	it('tells rate limits, daily quota, transient and permanent failures apart', () => {
		expect(classifyFailure({ status: 429 })).toBe('rateLimited');
		expect(classifyFailure({ status: 429, policyName: 'DAILY' })).toBe('dailyLimit');
		expect(classifyFailure({})).toBe('transient');
		expect(classifyFailure({ status: 422 })).toBe('permanent');
	});
});
