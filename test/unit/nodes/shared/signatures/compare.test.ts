import { findMatch, safeEqual } from '../../../../../nodes/shared/signatures/compare';

describe('constant-time compare', () => {
	it('compares any lengths without throwing', () => {
		expect(safeEqual(Buffer.from('abc'), Buffer.from('abc'))).toBe(true);
		expect(safeEqual(Buffer.from('abc'), Buffer.from('abcd'))).toBe(false);
		expect(safeEqual(Buffer.alloc(0), Buffer.from('a'))).toBe(false);
		expect(safeEqual(Buffer.alloc(0), Buffer.alloc(0))).toBe(true);
	});
	it('findMatch reports the first provided signature that matches, after comparing all', () => {
		const [a, b, c] = ['a', 'b', 'c'].map((s) => Buffer.from(s));
		expect(findMatch([a, b, c], [c, b])).toBe(1);
		expect(findMatch([a], [b, c])).toBe(-1);
		expect(findMatch([], [a])).toBe(-1);
	});
});
