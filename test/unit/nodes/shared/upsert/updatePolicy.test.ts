import { changedAtFromHistory, planWrite } from '../../../../../nodes/shared/upsert/updatePolicy';
import { mergeRows, toPropertyValue } from '../../../../../nodes/shared/upsert/propertyValues';

const existing = {
	properties: { name: 'Acme Corp', industry: '', phone: '555-0100', city: 'Berlin' },
	changedAt: {
		name: Date.parse('2024-06-01T00:00:00Z'),
		phone: Date.parse('2024-01-01T00:00:00Z'),
	},
};

describe('planWrite', () => {
	it('overwrite writes every changed non-blank value and never sends blanks unless asked', () => {
		const plan = planWrite(
			{ name: 'Acme', industry: 'Software', city: '', phone: '555-0100' },
			existing,
			{ policy: 'overwrite', sendEmpty: false },
		);
		expect(plan.properties).toEqual({ name: 'Acme', industry: 'Software' });
		expect(plan.skipped).toEqual({ city: 'blank', phone: 'unchanged' });
		expect(
			planWrite({ city: '' }, existing, { policy: 'overwrite', sendEmpty: true }).properties,
		).toEqual({ city: '' });
	});

	it('fillEmpty only fills properties HubSpot has no value for', () => {
		const plan = planWrite({ name: 'Acme', industry: 'Software' }, existing, {
			policy: 'fillEmpty',
			sendEmpty: false,
		});
		expect(plan.properties).toEqual({ industry: 'Software' });
		expect(plan.skipped).toEqual({ name: 'hasValue' });
	});

	it('lastWriteWins keeps HubSpot values changed after the row was produced', () => {
		const plan = planWrite({ name: 'Acme', phone: '555-0199' }, existing, {
			policy: 'lastWriteWins',
			sendEmpty: false,
			rowTimestamp: Date.parse('2024-03-01T00:00:00Z'),
		});
		expect(plan.properties).toEqual({ phone: '555-0199' });
		expect(plan.skipped).toEqual({ name: 'newerInHubSpot' });
	});

	it('writes everything non-blank to a record that does not exist yet', () => {
		expect(
			planWrite({ name: 'Acme', city: null }, undefined, { policy: 'fillEmpty', sendEmpty: false })
				.properties,
		).toEqual({ name: 'Acme' });
	});
});

describe('property values', () => {
	it('converts values the way HubSpot stores them', () => {
		expect(toPropertyValue(12)).toBe('12');
		expect(toPropertyValue(true)).toBe('true');
		expect(toPropertyValue(['a', 'b'])).toBe('a;b');
		expect(toPropertyValue(null)).toBe('');
	});

	it('merges rows for one record: later non-blank values win, blanks never erase', () => {
		expect(
			mergeRows([{ name: 'A', city: 'Paris' }, { name: 'B', city: '' }, { phone: '1' }]),
		).toEqual({ name: 'B', city: 'Paris', phone: '1' });
	});

	it('reads the latest change time per property from propertiesWithHistory', () => {
		expect(
			changedAtFromHistory({
				name: [{ timestamp: '2024-06-01T00:00:00Z' }, { timestamp: '2023-01-01T00:00:00Z' }],
				x: [],
			}),
		).toEqual({ name: Date.parse('2024-06-01T00:00:00Z'), x: undefined });
	});
});
