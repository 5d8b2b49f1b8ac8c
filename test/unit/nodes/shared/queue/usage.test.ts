import { storeUsage, tablesFrom } from '../../../../../nodes/shared/queue';

const MIB = 1024 * 1024;
const now = Date.UTC(2026, 11, 7, 9, 41);

describe('store usage', () => {
	test('reads the tables from API pages or from items, ignoring what is not a table', () => {
		expect(
			tablesFrom([
				{
					data: [
						{ name: 'a', sizeBytes: 10 },
						{ name: 'b', sizeBytes: '20' },
					],
					nextCursor: null,
				},
				{ name: 'c', sizeBytes: 5 },
				{ nope: true },
			]),
		).toEqual([
			{ name: 'a', sizeBytes: 10 },
			{ name: 'b', sizeBytes: 20 },
			{ name: 'c', sizeBytes: 5 },
		]);
	});

	test('below the warning share: ok, nothing to do', () => {
		const usage = storeUsage(
			[{ name: 'revops_clay_intake', sizeBytes: 50 * MIB }],
			200 * MIB,
			80,
			now,
		);
		expect(usage).toMatchObject({ level: 'ok', percent: 25, action: '' });
	});

	test('past the warning share: warn, naming the largest tables and what to do', () => {
		const usage = storeUsage(
			[
				{ name: 'small', sizeBytes: 1 * MIB },
				{ name: 'revops_clay_intake', sizeBytes: 150 * MIB },
				{ name: 'other', sizeBytes: 20 * MIB },
				{ name: 'tiny', sizeBytes: 0 },
			],
			200 * MIB,
			80,
			now,
		);
		expect(usage.level).toBe('warn');
		expect(usage.percent).toBe(85.5);
		expect(usage.largest.map((t) => t.name)).toEqual(['revops_clay_intake', 'other', 'small']);
		expect(usage.message).toBe(
			"n8n's data tables use 171.0 MiB of 200.0 MiB (85.5 %); largest: revops_clay_intake 150.0 MiB, other 20.0 MiB, small 1.00 MiB",
		);
		expect(usage.action).toMatch(/Keep Done Rows/);
		expect(usage.alertKey).toBe('warn:2026-12-07T09');
	});

	test('at the cap: full, and the action says intake is refusing', () => {
		const usage = storeUsage([{ name: 'q', sizeBytes: 300 * 1024 }], 300 * 1024, 80, now);
		expect(usage).toMatchObject({ level: 'full', percent: 100 });
		expect(usage.action).toMatch(/refusing rows \(503\)/);
	});
});
