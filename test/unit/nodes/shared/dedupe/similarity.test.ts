import {
	indelRatio,
	jaroWinkler,
	tokenSetRatio,
} from '../../../../../nodes/shared/dedupe/similarity';

describe('similarity', () => {
	it('matches published Jaro-Winkler values', () => {
		expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961111, 6);
		expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 6);
		expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813333, 6);
		expect(jaroWinkler('abc', 'abc')).toBe(1);
		expect(jaroWinkler('abc', '')).toBe(0);
	});

	it('computes the InDel ratio', () => {
		expect(indelRatio('kitten', 'sitting')).toBeCloseTo(8 / 13, 10);
		expect(indelRatio('', '')).toBe(1);
	});

	it('ignores word order and treats a subset of words as a full match', () => {
		expect(tokenSetRatio(['acme', 'software'], ['software', 'acme'])).toBe(1);
		expect(tokenSetRatio(['acme'], ['acme', 'software'])).toBe(1);
		expect(tokenSetRatio(['acme', 'software'], ['acme', 'hardware'])).toBeLessThan(0.9);
		expect(tokenSetRatio(['alpha'], ['omega'])).toBeLessThan(0.5);
	});
});
