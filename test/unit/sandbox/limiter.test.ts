import { Clock } from '../../../sandbox/clock';
import { SlidingWindow } from '../../../sandbox/limiter';

describe('SlidingWindow', () => {
	it('allows N calls in any window of W ms and says how long to wait', () => {
		const window = new SlidingWindow(3, 1000);
		expect([window.take(0), window.take(100), window.take(200)]).toEqual([0, 0, 0]);
		expect(window.take(300)).toBe(700);
		expect(window.remaining(300)).toBe(0);
		expect(window.take(1000)).toBe(0);
		expect(window.take(1050)).toBe(50);
		expect(window.remaining(1099)).toBe(0);
		expect(window.remaining(1100)).toBe(1);
	});

	it('follows a changed limit at once', () => {
		const window = new SlidingWindow(1, 1000);
		window.take(0);
		window.limit = 2;
		expect(window.take(1)).toBe(0);
	});
});

describe('Clock', () => {
	it('adds advances to its source and forgets them on reset', () => {
		const clock = new Clock(() => 1000);
		expect(clock.advance(500)).toBe(1500);
		clock.reset();
		expect(clock.now()).toBe(1000);
	});
});
