import { readInstant } from '../../../../../nodes/shared/sync/instant';
import { parseTimestamp } from '../../../../../nodes/shared/time/parseTimestamp';

describe('readInstant', () => {
	it('reads the UTC shapes HubSpot and PostgreSQL send exactly as parseTimestamp does', () => {
		for (const text of [
			'2024-05-01',
			'2024-05-01T09:30',
			'2024-05-01T09:30:00Z',
			'2024-05-01T09:30:00.1Z',
			'2024-05-01T09:30:00.123456Z',
			'2024-05-01 09:30:00.123456+00',
			'2024-05-01 09:30:00+00:00',
			'2024-02-29T23:59:59.999Z',
			'1999-12-31T00:00:00',
		])
			expect([text, readInstant(text)]).toEqual([text, parseTimestamp(text)]);
	});

	it('leaves everything else to parseTimestamp: offsets, epochs, impossible dates', () => {
		expect(readInstant('2024-05-01T11:30:00+02:00')).toEqual({ ms: Date.UTC(2024, 4, 1, 9, 30) });
		expect(readInstant('1714555800000')).toEqual({ ms: 1714555800000 });
		// Unlike parseTimestamp, a Date near 1970 stays a Date (not epoch seconds).
		expect(readInstant(new Date(5))).toEqual({ ms: 5 });
		expect(readInstant(new Date('x')).error).toMatch(/invalid/);
		expect(readInstant('2023-02-29').error).toMatch(/is not a date/);
		expect(readInstant('2024-05-01T24:00:00Z')).toEqual(parseTimestamp('2024-05-01T24:00:00Z'));
		expect(readInstant('0099-01-01')).toEqual(parseTimestamp('0099-01-01'));
	});
});
