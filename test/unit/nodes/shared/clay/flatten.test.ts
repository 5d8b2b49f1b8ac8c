import { flattenEnrichment } from '../../../../../nodes/shared/clay';

describe('flattenEnrichment', () => {
	it('lifts nested leaves to top-level names joined by _', () => {
		expect(
			flattenEnrichment({
				domain: 'acme.com',
				enrichment_data: { company: { size: 120, tags: ['b2b'] }, intent: 80 },
			}),
		).toEqual({ domain: 'acme.com', company_size: 120, company_tags: ['b2b'], intent: 80 });
	});

	it('keeps the row’s own field and prefixes the colliding leaf', () => {
		expect(flattenEnrichment({ intent: 10, enrichment_data: { intent: 80 } })).toEqual({
			intent: 10,
			enrichment_data_intent: 80,
		});
	});

	it('leaves rows without an enrichment object unchanged', () => {
		const row = { enrichment_data: 'n/a' };
		expect(flattenEnrichment(row)).toBe(row);
	});
});
