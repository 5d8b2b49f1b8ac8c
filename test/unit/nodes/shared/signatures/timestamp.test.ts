import { checkTolerance, parseTimestamp } from '../../../../../nodes/shared/signatures/timestamp';

describe('timestamps', () => {
	it('parses seconds and milliseconds into seconds', () => {
		expect(parseTimestamp('1614265330', 's', 'h')).toBe(1614265330);
		expect(parseTimestamp('15000000', 'ms', 'h')).toBe(15000);
		expect(parseTimestamp('1e9', 's', 'H')).toEqual({
			ok: false,
			status: 400,
			reason: 'bad timestamp in h',
		});
		expect(parseTimestamp(' 1', 's', 'h')).toMatchObject({ ok: false });
	});
	it('checks the tolerance both ways, inclusive', () => {
		expect(checkTolerance(1000, 1300_000, 300)).toBeUndefined();
		expect(checkTolerance(1000, 700_000, 300)).toBeUndefined();
		expect(checkTolerance(1000, 1300_001, 300)).toEqual({
			ok: false,
			status: 401,
			reason: 'timestamp outside tolerance (300 s)',
		});
		expect(checkTolerance(1000, 699_999, 300)).toMatchObject({ ok: false });
	});
});
