import {
	configProblems,
	DEFAULT_TIERS,
	scoreRecord,
	type ScoreComponent,
	type ScoreConfig,
} from '../../../../../nodes/shared/scoring';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const pct = (
	field: string,
	weight: number,
	missing: ScoreComponent['missing'] = 'skip',
): ScoreComponent => ({
	field,
	weight,
	normalization: { kind: 'percent' },
	missing,
});
const config = (components: ScoreComponent[], extra: Partial<ScoreConfig> = {}): ScoreConfig => ({
	components,
	tiers: DEFAULT_TIERS,
	fallbackTier: 'cold',
	decimals: 1,
	...extra,
});
const seedDefault = config([pct('intent', 0.4), pct('fit', 0.6)]);

describe('signal score', () => {
	test('default is intent × 0.4 + fit × 0.6', () => {
		const r = scoreRecord({ intent: 90, fit: 70 }, seedDefault, NOW);
		expect(r).toMatchObject({ ok: true, score: 78, tier: 'warm' });
	});

	test('numeric strings from Clay count as numbers', () => {
		expect(scoreRecord({ intent: '100', fit: ' 80 ' }, seedDefault, NOW)).toMatchObject({
			score: 88,
			tier: 'hot',
		});
	});

	test('tiers: hot at 80 inclusive, warm at 50, else cold', () => {
		expect(scoreRecord({ intent: 80, fit: 80 }, seedDefault, NOW)).toMatchObject({ tier: 'hot' });
		expect(scoreRecord({ intent: 50, fit: 50 }, seedDefault, NOW)).toMatchObject({ tier: 'warm' });
		expect(scoreRecord({ intent: 49, fit: 49 }, seedDefault, NOW)).toMatchObject({ tier: 'cold' });
	});

	test('skipped missing component renormalizes the other weights', () => {
		const r = scoreRecord({ intent: 'N/A', fit: 70 }, seedDefault, NOW);
		expect(r).toMatchObject({ ok: true, score: 70 });
		if (!r.ok) throw new Error('unreachable');
		expect(r.explanation.map((p) => [p.field, p.normalized, p.effectiveWeight])).toEqual([
			['intent', null, 0],
			['fit', 70, 1],
		]);
	});

	test('missing treated as 0 keeps its weight', () => {
		const r = scoreRecord({ fit: 70 }, config([pct('intent', 0.4, 'zero'), pct('fit', 0.6)]), NOW);
		expect(r).toMatchObject({ ok: true, score: 42 });
	});

	test('missing with policy error names the field and the fix', () => {
		const r = scoreRecord({ fit: 70 }, config([pct('intent', 0.4, 'error'), pct('fit', 0.6)]), NOW);
		expect(r).toEqual({
			ok: false,
			field: 'intent',
			message: expect.stringContaining('Field "intent" is missing'),
		});
	});

	test('wrong type is an error on that record', () => {
		const r = scoreRecord({ intent: 'very high', fit: 70 }, seedDefault, NOW);
		expect(r).toEqual({ ok: false, field: 'intent', message: 'Field "intent" is not a number' });
	});

	test('all components missing is an error, not a silent 0', () => {
		expect(scoreRecord({}, seedDefault, NOW)).toMatchObject({ ok: false });
	});

	test('result is clamped to 0–100 and rounded as configured', () => {
		expect(scoreRecord({ intent: 250, fit: -10 }, seedDefault, NOW)).toMatchObject({ score: 40 });
		const precise = config([pct('a', 1), pct('b', 2)], { decimals: 3 });
		expect(scoreRecord({ a: 10, b: 11 }, precise, NOW)).toMatchObject({ score: 10.667 });
		expect(scoreRecord({ a: 10, b: 11 }, { ...precise, decimals: 0 }, NOW)).toMatchObject({
			score: 11,
		});
	});

	test('explanation contributions add up to the score', () => {
		const r = scoreRecord({ intent: 90, fit: 70 }, seedDefault, NOW);
		if (!r.ok) throw new Error('unreachable');
		expect(r.explanation.map((p) => p.contribution)).toEqual([36, 42]);
	});

	test('nested fields by dotted path', () => {
		const r = scoreRecord(
			{ enrichment_data: { intent: 60 } },
			config([pct('enrichment_data.intent', 1)]),
			NOW,
		);
		expect(r).toMatchObject({ score: 60 });
	});

	describe('normalizations', () => {
		const one = (normalization: ScoreComponent['normalization']) =>
			config([{ field: 'v', weight: 1, normalization, missing: 'error' }]);

		test('min–max scales linearly and clamps', () => {
			const c = one({ kind: 'minMax', min: 10, max: 1010 });
			expect(scoreRecord({ v: 510 }, c, NOW)).toMatchObject({ score: 50 });
			expect(scoreRecord({ v: 5000 }, c, NOW)).toMatchObject({ score: 100 });
			expect(scoreRecord({ v: 0 }, c, NOW)).toMatchObject({ score: 0 });
		});

		test('boolean accepts true/false, yes/no, 1/0', () => {
			const c = one({ kind: 'boolean' });
			expect(scoreRecord({ v: 'Yes' }, c, NOW)).toMatchObject({ score: 100 });
			expect(scoreRecord({ v: 0 }, c, NOW)).toMatchObject({ score: 0 });
			expect(scoreRecord({ v: 'maybe' }, c, NOW)).toMatchObject({ ok: false, field: 'v' });
		});

		test('lookup is case-insensitive with an optional default', () => {
			const c = one({ kind: 'lookup', map: { enterprise: 100, smb: 40 } });
			expect(scoreRecord({ v: 'Enterprise' }, c, NOW)).toMatchObject({ score: 100 });
			expect(scoreRecord({ v: 'startup' }, c, NOW)).toMatchObject({ ok: false });
			const withDefault = one({ kind: 'lookup', map: { smb: 40 }, fallback: 10 });
			expect(scoreRecord({ v: 'startup' }, withDefault, NOW)).toMatchObject({ score: 10 });
		});

		test('recency halves every half-life; future dates count as now', () => {
			const c = one({ kind: 'recency', halfLifeDays: 30 });
			expect(scoreRecord({ v: '2026-10-24T12:00:00Z' }, c, NOW)).toMatchObject({ score: 50 });
			expect(scoreRecord({ v: '2026-09-24T12:00:00Z' }, c, NOW)).toMatchObject({ score: 25 });
			expect(scoreRecord({ v: '2027-01-01' }, c, NOW)).toMatchObject({ score: 100 });
			expect(scoreRecord({ v: NOW / 1000 }, c, NOW)).toMatchObject({ score: 100 });
			expect(scoreRecord({ v: 'last week' }, c, NOW)).toMatchObject({
				ok: false,
				message: expect.stringContaining('not a date'),
			});
		});
	});

	describe('configuration problems', () => {
		test('weights summing to 0', () => {
			expect(configProblems(config([pct('a', 0), pct('b', 0)]))).toContain(
				'Component weights sum to 0: give at least one a weight above 0',
			);
		});
		test('min–max without a range, bad half-life, empty field', () => {
			const problems = configProblems(
				config([
					{
						field: 'a',
						weight: 1,
						normalization: { kind: 'minMax', min: 5, max: 5 },
						missing: 'skip',
					},
					{
						field: 'b',
						weight: 1,
						normalization: { kind: 'recency', halfLifeDays: 0 },
						missing: 'skip',
					},
					pct('', 1),
				]),
			);
			expect(problems).toEqual([
				'Component 1 (a): max must be greater than min',
				'Component 2 (b): half-life must be more than 0 days',
				'Component 3 (no field): set the field to read',
			]);
		});
		test('the default configuration is valid', () => {
			expect(configProblems(seedDefault)).toEqual([]);
		});
	});
});
