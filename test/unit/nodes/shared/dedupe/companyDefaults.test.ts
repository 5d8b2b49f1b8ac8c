import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pairAccuracy, type LabelledPair } from '../../../../fixtures/pairAccuracy';
import { companyDedupeOptions } from '../../../../../nodes/shared/dedupe/companyDefaults';

const pairs = JSON.parse(
	readFileSync(join(__dirname, '../../../../fixtures/company-pairs.json'), 'utf8'),
) as LabelledPair[];

describe('company dedupe accuracy on the labelled fixture', () => {
	it('has at least 300 labelled pairs of both kinds', () => {
		expect(pairs.length).toBeGreaterThanOrEqual(300);
		expect(pairs.some((pair) => pair.same)).toBe(true);
		expect(pairs.some((pair) => !pair.same)).toBe(true);
	});

	it('reaches precision ≥ 0.98 and recall ≥ 0.95 with the default settings', () => {
		const result = pairAccuracy(pairs, companyDedupeOptions());
		expect(result.errors).toBe(0);
		expect(result.precision).toBeGreaterThanOrEqual(0.98);
		expect(result.recall).toBeGreaterThanOrEqual(0.95);
	});
});
