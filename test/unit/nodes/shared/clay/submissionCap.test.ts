import { planSubmissions, rowPacing } from '../../../../../nodes/shared/clay';

describe('planSubmissions', () => {
	it('lets a run through silently below 90 %', () => {
		expect(planSubmissions({ used: 1000, requested: 1000 })).toEqual({ allowed: 1000, refused: 0 });
	});

	it('warns once the run reaches 90 % of the cap', () => {
		const plan = planSubmissions({ used: 44_000, requested: 1000 });
		expect(plan.allowed).toBe(1000);
		expect(plan.warning).toMatch(/45,000 of 50,000 submissions \(90 %\)/);
		expect(plan.error).toBeUndefined();
	});

	it('sends up to the cap and refuses the rest with a clear error', () => {
		const plan = planSubmissions({ used: 49_990, requested: 25 });
		expect(plan).toMatchObject({ allowed: 10, refused: 15 });
		expect(plan.error).toMatch(/reached its cap of 50,000 submissions: 15 row\(s\) not sent/);
	});

	it('refuses everything at the cap, with a configurable cap and share', () => {
		expect(planSubmissions({ used: 10, requested: 3, cap: 10, warnShare: 0.5 })).toMatchObject({
			allowed: 0,
			refused: 3,
		});
	});
});

describe('rowPacing', () => {
	it('never plans more than rowsPerSecond sends inside any one-second window', () => {
		const { planner } = rowPacing(10, 3);
		const sent: number[] = [];
		let now = 0;
		for (let i = 0; i < 55; i++) {
			now += planner.delayFor('standard', now);
			planner.record('standard', now);
			sent.push(now);
		}
		for (let i = 10; i < sent.length; i++)
			expect(sent[i] - sent[i - 10]).toBeGreaterThanOrEqual(1000);
		expect(now).toBeLessThan(5 * 1050 + 1);
	});
});
