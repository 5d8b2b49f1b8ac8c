import { parseTimestamp } from '../../../../../nodes/shared/time/parseTimestamp';

describe('parseTimestamp', () => {
	it('reads ISO 8601 with and without offsets; no offset means UTC', () => {
		expect(parseTimestamp('2024-05-01T09:30:00Z').ms).toBe(Date.UTC(2024, 4, 1, 9, 30));
		expect(parseTimestamp('2024-05-01T09:30:00.250+02:00').ms).toBe(
			Date.UTC(2024, 4, 1, 7, 30, 0, 250),
		);
		expect(parseTimestamp('2024-05-01 09:30').ms).toBe(Date.UTC(2024, 4, 1, 9, 30));
		expect(parseTimestamp('2024-05-01').ms).toBe(Date.UTC(2024, 4, 1));
	});

	it('reads epoch milliseconds and seconds, and Dates', () => {
		expect(parseTimestamp(1714555800000).ms).toBe(1714555800000);
		expect(parseTimestamp(1714555800).ms).toBe(1714555800000);
		expect(parseTimestamp('1714555800000').ms).toBe(1714555800000);
		expect(parseTimestamp(new Date(Date.UTC(2024, 0, 1))).ms).toBe(Date.UTC(2024, 0, 1));
	});

	it.each(['yesterday', '2024-02-30', '2024-13-01', '05/01/2024', '2024-05-01T25:00:00Z'])(
		'rejects %s with the expected format',
		(input) => {
			expect(parseTimestamp(input).error).toMatch(/ISO 8601/);
		},
	);

	it('rejects values that are not dates at all', () => {
		expect(parseTimestamp({}).error).toMatch(/expected a date but got object/);
		expect(parseTimestamp(NaN).error).toMatch(/not a date/);
	});
});
