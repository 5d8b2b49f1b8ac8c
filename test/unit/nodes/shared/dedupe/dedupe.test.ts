import { companyDedupeOptions } from '../../../../../nodes/shared/dedupe/companyDefaults';
import {
	checkDedupeOptions,
	dedupe,
	type DedupeOptions,
} from '../../../../../nodes/shared/dedupe/dedupe';

const byDomain: DedupeOptions['keys'] = [
	[{ kind: 'domain', fields: ['domain', 'website', 'email'] }],
];

const companies = [
	{ name: 'ACME, Inc.', website: 'https://www.acme.com/about', updatedAt: '2024-01-01', phone: '' },
	{ name: 'Globex', domain: 'globex.co.uk', updatedAt: '2024-01-05' },
	{ name: 'Acme', email: 'jo@sales.acme.com', updatedAt: '2024-03-01', phone: '+1 415 555 0100' },
	{
		name: 'Acme Corporation',
		domain: 'ACME.COM',
		updatedAt: '2024-02-01',
		industry: 'Robotics',
		city: 'Austin',
	},
];

describe('dedupe: which record is kept', () => {
	it('keeps the first record and names it, the reason and the score on each duplicate', () => {
		const result = dedupe(companies, { keys: byDomain, keep: 'first' });
		expect(result.kept.map((k) => k.index)).toEqual([0, 1]);
		expect(result.duplicates).toEqual([
			{ record: companies[2], index: 2, keptIndex: 0, reason: 'same domain acme.com', score: 1 },
			{ record: companies[3], index: 3, keptIndex: 0, reason: 'same domain acme.com', score: 1 },
		]);
		expect(result.errors).toEqual([]);
	});

	it('keeps the most recent record by a date field', () => {
		const result = dedupe(companies, {
			keys: byDomain,
			keep: 'mostRecent',
			dateField: 'updatedAt',
		});
		expect(result.kept.map((k) => k.index)).toEqual([1, 2]);
		expect(result.duplicates.map((d) => [d.index, d.keptIndex])).toEqual([
			[0, 2],
			[3, 2],
		]);
	});

	it('breaks date ties by input order', () => {
		const tied = [
			{ domain: 'a.com', at: '2024-01-01' },
			{ domain: 'a.com', at: '2024-01-01' },
		];
		expect(
			dedupe(tied, { keys: byDomain, keep: 'mostRecent', dateField: 'at' }).kept[0].index,
		).toBe(0);
	});

	it('keeps the most complete record', () => {
		const result = dedupe(companies, { keys: byDomain, keep: 'mostComplete' });
		expect(result.kept.map((k) => k.index)).toEqual([1, 3]);
	});

	it('merges fields with a survivorship rule and reports every merged index', () => {
		const result = dedupe(companies, {
			keys: byDomain,
			keep: 'merge',
			survivorship: 'mostRecent',
			dateField: 'updatedAt',
		});
		const acme = result.kept.find((k) => k.mergedFrom);
		expect(acme).toEqual({
			index: 2,
			mergedFrom: [0, 2, 3],
			record: {
				name: 'Acme',
				email: 'jo@sales.acme.com',
				updatedAt: '2024-03-01',
				phone: '+1 415 555 0100',
				website: 'https://www.acme.com/about',
				domain: 'ACME.COM',
				industry: 'Robotics',
				city: 'Austin',
			},
		});
		expect(result.duplicates.map((d) => d.keptIndex)).toEqual([2, 2]);
	});

	it('merges with per-field rules, inside nested objects too', () => {
		const records = [
			{ properties: { domain: 'acme.com', name: 'Acme', description: 'Robots' } },
			{ properties: { domain: 'acme.com', name: 'Acme Robotics Incorporated', description: '' } },
		];
		const result = dedupe(records, {
			keys: [[{ kind: 'domain', fields: ['properties.domain'] }]],
			keep: 'merge',
			survivorship: 'first',
			fieldSurvivorship: { 'properties.name': 'mostComplete' },
		});
		expect(result.kept).toEqual([
			{
				index: 0,
				mergedFrom: [0, 1],
				record: {
					properties: {
						domain: 'acme.com',
						name: 'Acme Robotics Incorporated',
						description: 'Robots',
					},
				},
			},
		]);
	});
});

describe('dedupe: keys', () => {
	it('does not treat free-mail domains as companies; falls back to the company name', () => {
		const records = [
			{ name: "Joe's Plumbing LLC", email: 'joe@gmail.com' },
			{ name: 'Bay Area Plumbing', email: 'bay@gmail.com' },
			{ name: 'Joes Plumbing', email: 'joe.plumbing@gmail.com' },
		];
		const result = dedupe(records, companyDedupeOptions());
		expect(result.kept.map((k) => k.index)).toEqual([0, 1]);
		expect(result.duplicates).toEqual([
			expect.objectContaining({
				index: 2,
				keptIndex: 0,
				reason: 'same company name joes plumbing',
			}),
		]);
	});

	it('matches on email with optional plus-addressing and Gmail dots', () => {
		const records = [
			{ email: 'Jane.Doe@gmail.com' },
			{ email: 'janedoe+crm@gmail.com' },
			{ email: 'jane.doe@acme.com' },
		];
		const plain = dedupe(records, {
			keys: [[{ kind: 'email', fields: ['email'] }]],
			keep: 'first',
		});
		expect(plain.duplicates).toHaveLength(0);
		const folded = dedupe(records, {
			keys: [[{ kind: 'email', fields: ['email'], stripPlusTag: true, ignoreGmailDots: true }]],
			keep: 'first',
		});
		expect(folded.duplicates.map((d) => [d.index, d.keptIndex])).toEqual([[1, 0]]);
	});

	it('matches on phone and on any field', () => {
		const records = [
			{ phone: '+1 (415) 555-0100', id: 'A-1' },
			{ phone: '415.555.0100', id: 'a-1 ' },
		];
		expect(
			dedupe(records, {
				keys: [[{ kind: 'phone', fields: ['phone'], defaultCountryCode: '1' }]],
				keep: 'first',
			}).duplicates,
		).toHaveLength(1);
		expect(
			dedupe(records, { keys: [[{ kind: 'field', fields: ['id'] }]], keep: 'first' }).duplicates,
		).toHaveLength(1);
		expect(
			dedupe(records, {
				keys: [[{ kind: 'field', fields: ['id'], caseSensitive: true }]],
				keep: 'first',
			}).duplicates,
		).toHaveLength(0);
	});

	it('joins a record with no company domain to the only company with its name', () => {
		const records = [{ name: 'Stripe, Inc.', domain: 'stripe.com' }, { name: 'Stripe' }];
		const result = dedupe(records, companyDedupeOptions());
		expect(result.duplicates).toEqual([
			expect.objectContaining({
				index: 1,
				keptIndex: 0,
				reason: 'same company name stripe, the only match for it in the input',
			}),
		]);
	});

	it('does not join it when two company domains carry the name', () => {
		const records = [
			{ name: 'Acme Ltd', domain: 'acme.co.uk' },
			{ name: 'Acme' },
			{ name: 'Acme Inc', domain: 'acme.com' },
		];
		expect(dedupe(records, companyDedupeOptions()).duplicates).toHaveLength(0);
	});
});

describe('dedupe: fuzzy names', () => {
	const options = (threshold: number): DedupeOptions => ({
		...companyDedupeOptions(),
		fuzzyName: { algorithm: 'jaroWinkler', threshold },
	});

	it('matches similar names only inside the same domain block, with the score', () => {
		const records = [
			{ name: 'Riverside Landscaping', email: 'riverside@yahoo.com' },
			{ name: 'Riverside Landscapping LLC', email: 'rl@yahoo.com' },
			{ name: 'Riverside Landscapin', email: 'other@gmail.com' },
		];
		const result = dedupe(records, options(0.95));
		expect(result.duplicates).toHaveLength(1);
		expect(result.duplicates[0]).toMatchObject({ index: 1, keptIndex: 0 });
		expect(result.duplicates[0].reason).toMatch(
			/similar to "riverside landscaping" \(Jaro-Winkler 0\.9\d\d\) within domain yahoo\.com/,
		);
		expect(result.duplicates[0].score).toBeGreaterThan(0.95);
		expect(result.duplicates[0].score).toBeLessThan(1);
	});

	it('explains a match made through another record', () => {
		const records = [
			{ name: 'Riverside Landscaping', email: 'riverside@yahoo.com' },
			{ name: 'Riverside Landscapping LLC', email: 'rl@yahoo.com' },
			{ name: 'Riverside Landscapping', email: 'other@gmail.com' },
		];
		const result = dedupe(records, options(0.95));
		expect(result.duplicates[1]).toMatchObject({ index: 2, keptIndex: 0 });
		expect(result.duplicates[1].reason).toBe(
			'same company name riverside landscapping as item 1, which has company name "riverside landscapping" similar to "riverside landscaping" (Jaro-Winkler 0.991) within domain yahoo.com',
		);
	});

	it('uses token-set similarity when chosen', () => {
		const records = [
			{ name: 'Software Acme', email: 'a@gmail.com' },
			{ name: 'Acme Software', email: 'b@gmail.com' },
		];
		const result = dedupe(records, {
			...companyDedupeOptions(),
			fuzzyName: { algorithm: 'tokenSet', threshold: 0.9 },
		});
		expect(result.duplicates).toEqual([expect.objectContaining({ index: 1, score: 1 })]);
	});

	it('stays near-linear on a large free-mail block', () => {
		const records = Array.from({ length: 5000 }, (_, i) => ({
			name: `Business ${i} ${(i * 7919) % 10007}`,
			email: `b${i}@gmail.com`,
		}));
		const result = dedupe(records, options(0.97));
		expect(result.kept.length + result.duplicates.length).toBe(5000);
	});
});

describe('dedupe: bad input', () => {
	it('reports bad records with the field and the fix, and keeps going', () => {
		const records = [
			{ name: 'Acme', website: 'acme.com', updatedAt: '2024-01-01' },
			{ name: 'Nothing', updatedAt: '2024-01-01' },
			{ website: 'not a domain', updatedAt: '2024-01-01' },
			{ website: 'acme.com', updatedAt: 'last tuesday' },
			{ website: 'acme.com' },
			{ website: 42 },
		];
		const options: DedupeOptions = { keys: byDomain, keep: 'mostRecent', dateField: 'updatedAt' };
		const result = dedupe(records, options);
		expect(result.kept.map((k) => k.index)).toEqual([0]);
		expect(result.errors.map((e) => [e.index, e.field])).toEqual([
			[1, 'domain'],
			[2, 'website'],
			[3, 'updatedAt'],
			[4, 'updatedAt'],
			[5, 'website'],
		]);
		expect(result.errors[0].message).toMatch(/fill one of domain, website, email/);
		expect(result.errors[2].message).toMatch(/'last tuesday' is not a date/);
		expect(result.errors[4].message).toMatch(/is a number, but a domain key needs text/);
	});

	it('can keep records that have no key as unique', () => {
		const result = dedupe([{ name: 'x' }, { name: 'y' }], {
			keys: byDomain,
			keep: 'first',
			missingKey: 'keep',
		});
		expect(result.kept.map((k) => k.index)).toEqual([0, 1]);
	});

	it('rejects settings that cannot work, once for the whole run', () => {
		expect(checkDedupeOptions({ keys: [], keep: 'first' })).toMatch(/at least one key/);
		expect(checkDedupeOptions({ keys: byDomain, keep: 'mostRecent' })).toMatch(/date field/);
		expect(
			checkDedupeOptions({
				keys: byDomain,
				keep: 'first',
				fuzzyName: { algorithm: 'jaroWinkler', threshold: 0.9 },
			}),
		).toMatch(/company name/);
		expect(() => dedupe([], { keys: byDomain, keep: 'merge', survivorship: 'mostRecent' })).toThrow(
			/date field/,
		);
	});
});
