import { passesFilter } from '../../../../../nodes/shared/sync';
import { isPresent, matchesCondition } from '../../../../../nodes/shared/sync/filters';
import type { FilterCondition } from '../../../../../nodes/shared/sync';

const record = {
	lifecyclestage: 'customer',
	numberofemployees: '120',
	annual_revenue: 1500.5,
	is_public: 'true',
	closedate: '2024-05-01T09:30:00Z',
	tags: 'Enterprise;EMEA',
	labels: ['a', 'b'],
	blank: '  ',
	none: null,
};
const holds = (condition: FilterCondition) => matchesCondition(condition, record);

describe('filters', () => {
	it('eq/neq read the record value as the filter value type', () => {
		expect(holds({ field: 'lifecyclestage', operator: 'eq', value: 'customer' })).toBe(true);
		expect(holds({ field: 'lifecyclestage', operator: 'eq', value: 'Customer' })).toBe(false);
		expect(holds({ field: 'numberofemployees', operator: 'eq', value: 120 })).toBe(true);
		expect(holds({ field: 'numberofemployees', operator: 'eq', value: '120' })).toBe(true);
		expect(holds({ field: 'annual_revenue', operator: 'eq', value: '1500.5' })).toBe(true);
		expect(holds({ field: 'is_public', operator: 'eq', value: true })).toBe(true);
		expect(holds({ field: 'blank', operator: 'eq', value: null })).toBe(true);
		expect(holds({ field: 'missing', operator: 'neq', value: 'x' })).toBe(true);
		expect(holds({ field: 'labels', operator: 'eq', value: ['a', 'b'] })).toBe(true);
	});

	it('in/not_in, contains', () => {
		expect(holds({ field: 'lifecyclestage', operator: 'in', values: ['lead', 'customer'] })).toBe(
			true,
		);
		expect(
			holds({ field: 'lifecyclestage', operator: 'not_in', values: ['lead', 'customer'] }),
		).toBe(false);
		expect(holds({ field: 'numberofemployees', operator: 'in', values: [100, 120] })).toBe(true);
		expect(holds({ field: 'tags', operator: 'contains', value: 'emea' })).toBe(true);
		expect(holds({ field: 'labels', operator: 'contains', value: 'b' })).toBe(true);
		expect(holds({ field: 'labels', operator: 'contains', value: 'c' })).toBe(false);
		expect(holds({ field: 'none', operator: 'contains', value: 'x' })).toBe(false);
	});

	it('gt/gte/lt/lte compare numbers, instants, then text; a missing value never matches', () => {
		expect(holds({ field: 'numberofemployees', operator: 'gt', value: 50 })).toBe(true);
		expect(holds({ field: 'numberofemployees', operator: 'gt', value: '1000' })).toBe(false);
		expect(holds({ field: 'numberofemployees', operator: 'gte', value: 120 })).toBe(true);
		expect(holds({ field: 'annual_revenue', operator: 'lt', value: 2000 })).toBe(true);
		expect(holds({ field: 'closedate', operator: 'gte', value: '2024-01-01' })).toBe(true);
		expect(holds({ field: 'closedate', operator: 'lt', value: '2024-05-01T09:30:00Z' })).toBe(
			false,
		);
		expect(holds({ field: 'closedate', operator: 'lte', value: '2024-05-01T09:30:00Z' })).toBe(
			true,
		);
		expect(holds({ field: 'lifecyclestage', operator: 'gt', value: 'b' })).toBe(true);
		expect(holds({ field: 'lifecyclestage', operator: 'gt', value: 5 })).toBe(false);
		expect(holds({ field: 'missing', operator: 'lt', value: 5 })).toBe(false);
		expect(holds({ field: 'missing', operator: 'gte', value: 5 })).toBe(false);
	});

	it('exists/not_exists treat blank text and empty lists as missing', () => {
		expect(holds({ field: 'tags', operator: 'exists' })).toBe(true);
		expect(holds({ field: 'blank', operator: 'exists' })).toBe(false);
		expect(holds({ field: 'none', operator: 'not_exists' })).toBe(true);
		expect(isPresent([])).toBe(false);
		expect(isPresent(0)).toBe(true);
		expect(isPresent(false)).toBe(true);
	});

	it('passes when every include holds and no exclude does; no filter passes everything', () => {
		const include: FilterCondition[] = [
			{ field: 'lifecyclestage', operator: 'eq', value: 'customer' },
			{ field: 'numberofemployees', operator: 'gt', value: 100 },
		];
		expect(passesFilter({ include }, record)).toBe(true);
		expect(
			passesFilter({ include: [...include, { field: 'none', operator: 'exists' }] }, record),
		).toBe(false);
		expect(
			passesFilter(
				{
					include,
					exclude: [
						{ field: 'tags', operator: 'contains', value: 'apac' },
						{ field: 'is_public', operator: 'eq', value: true },
					],
				},
				record,
			),
		).toBe(false);
		expect(passesFilter({}, record)).toBe(true);
	});
});
