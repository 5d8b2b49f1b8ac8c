import { CircuitBreaker } from '../../../../../nodes/shared/ratelimit/breaker';

describe('CircuitBreaker', () => {
	it('opens after N consecutive failures and refuses calls', () => {
		const breaker = new CircuitBreaker({ threshold: 3, cooldownMs: Infinity });
		breaker.onFailure(0);
		breaker.onFailure(0);
		expect(breaker.allows(0)).toBe(true);
		breaker.onFailure(0);
		expect(breaker.state(0)).toBe('open');
		expect(breaker.allows(1e12)).toBe(false);
	});

	it('a success resets the count: only consecutive failures open it', () => {
		const breaker = new CircuitBreaker({ threshold: 2, cooldownMs: Infinity });
		breaker.onFailure(0);
		breaker.onSuccess();
		breaker.onFailure(0);
		expect(breaker.state(0)).toBe('closed');
		expect(breaker.consecutiveFailures).toBe(1);
	});

	it('after the cool-down lets one trial through: success closes, failure reopens', () => {
		const breaker = new CircuitBreaker({ threshold: 1, cooldownMs: 1000 });
		breaker.onFailure(0);
		expect(breaker.allows(500)).toBe(false);
		expect(breaker.state(1000)).toBe('halfOpen');
		breaker.onFailure(1000);
		expect(breaker.allows(1500)).toBe(false);
		expect(breaker.state(2000)).toBe('halfOpen');
		breaker.onSuccess();
		expect(breaker.state(2000)).toBe('closed');
	});
});
