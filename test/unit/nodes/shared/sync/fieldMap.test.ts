import {
	compileSyncConfig,
	SyncConfigError,
	type SyncConfig,
} from '../../../../../nodes/shared/sync';
import { config } from './helpers';

function error(overrides: Partial<SyncConfig>): SyncConfigError {
	try {
		compileSyncConfig(config(overrides));
	} catch (caught) {
		expect(caught).toBeInstanceOf(SyncConfigError);
		return caught as SyncConfigError;
	}
	throw new Error('expected a SyncConfigError');
}

describe('compileSyncConfig', () => {
	it('compiles a valid configuration: names default to the HubSpot property, flows follow the direction', () => {
		const compiled = compileSyncConfig({
			direction: 'source_to_target',
			strategy: 'merge',
			mergeFields: ['tags'],
			fields: [
				{ source: 'domain', target: 'domain', type: 'string', toTarget: ['trim', 'domain'] },
				{ name: 'tags', source: 'hs_tags', target: 'tags', type: 'string' },
				{ source: 'closedate', target: 'closed_at', type: 'timestamp', precision: 'day' },
			],
			match: { field: 'domain', normalize: 'domain' },
		});
		expect(compiled.fields.map((f) => [f.name, f.toTarget.length, f.merge, f.precision])).toEqual([
			['domain', 2, false, 'millisecond'],
			['tags', 0, true, 'millisecond'],
			['closedate', 0, false, 'day'],
		]);
		expect(compiled.sends).toEqual({ source: true, target: false });
		expect(compiled.match?.field.name).toBe('domain');
		expect(compiled.filters).toEqual({ source: {}, target: {} });
	});

	it('names the field and the fix for a mapping error', () => {
		const fields = config().fields;
		expect(error({ fields: [{ ...fields[2], type: 'integer' as never }] }).message).toBe(
			"Field 'employees': type 'integer' is not a sync type; use string, number, boolean, timestamp, json.",
		);
		const duplicate = error({ fields: [fields[0], { ...fields[1], target: 'name' }] });
		expect(duplicate.message).toBe(
			"Field 'domain': target 'name' is mapped twice; map each warehouse column once.",
		);
		expect(duplicate.field).toBe('domain');
		expect(error({ fields: [{ ...fields[1], toTarget: 'punycode' as never }] }).message).toBe(
			"Field 'domain': transform 'punycode' in toTarget does not exist; use trim, lowercase, uppercase, domain, registrableDomain.",
		);
		expect(error({ fields: [{ ...fields[2], toSource: 'trim' }] }).message).toMatch(
			/Field 'employees': transforms work on text, but its type is number/,
		);
		expect(error({ fields: [{ ...fields[0], source: '' }] }).message).toMatch(
			/give the HubSpot property in source/,
		);
		expect(error({ fields: [{ ...fields[0], target: undefined as never }] }).message).toMatch(
			/give the warehouse column in target/,
		);
		expect(
			error({ fields: [fields[0], { ...fields[1], source: 'name', name: 'other' }] }).message,
		).toMatch(/source 'name' is mapped twice; map each HubSpot property once/);
		expect(error({ fields: [{ ...fields[0], precision: 'day' }] }).message).toMatch(
			/precision applies to timestamps only/,
		);
		expect(error({ fields: [{ ...fields[4], precision: 'hour' as never }] }).message).toMatch(
			/precision 'hour' is not one of millisecond, second, day/,
		);
		expect(error({ fields: [{ ...fields[0], name: '$deleted' }] }).message).toMatch(
			/cannot start with \$/,
		);
		expect(error({ fields: [] }).message).toBe('Map at least one field: fields is empty.');
	});

	it('checks the strategy, the merge fields, the direction and the match field', () => {
		expect(error({ direction: 'both' as never }).message).toMatch(/Direction 'both' is not one of/);
		expect(error({ strategy: 'newest' as never }).message).toMatch(
			/strategy 'newest' is not one of/,
		);
		expect(error({ mergeFields: ['tags'] }).message).toMatch(
			/mergeFields apply only to the merge strategy/,
		);
		expect(error({ strategy: 'merge' }).message).toMatch(/merge strategy needs mergeFields/);
		expect(error({ strategy: 'merge', mergeFields: ['labels'] }).message).toMatch(
			/Merge field 'labels' is not a mapped field; use one of name, domain/,
		);
		expect(error({ strategy: 'merge', mergeFields: ['employees'] }).message).toMatch(
			/only lists merge .* but its type is number/,
		);
		expect(error({ strategy: 'merge', mergeFields: ['name'] }).message).toMatch(
			/remove its transforms/,
		);
		expect(error({ listSeparator: '' }).message).toMatch(/listSeparator/);
		expect(error({ match: { field: 'website' } }).message).toMatch(
			/Match field 'website' is not a mapped field/,
		);
		expect(error({ match: { field: 'domain', normalize: 'fuzzy' as never } }).message).toMatch(
			/Match normalize 'fuzzy'/,
		);
	});

	it('checks filter conditions', () => {
		const filters = (condition: unknown) =>
			error({ filters: { sourceToTarget: { include: [condition as never] } } }).message;
		expect(filters({ field: 'lifecyclestage', operator: 'like', value: 'x' })).toMatch(
			/Filter sourceToTarget.include on 'lifecyclestage': operator 'like' is not one of eq, neq/,
		);
		expect(filters({ field: 'lifecyclestage', operator: 'in', value: 'x' })).toMatch(
			/give values: \[...\]/,
		);
		expect(filters({ field: 'lifecyclestage', operator: 'gt' })).toMatch(/gt needs a value/);
		expect(filters({ operator: 'exists' })).toMatch(/each condition needs a field/);
		expect(error({ filters: { targetToSource: { exclude: 'x' as never } } }).message).toMatch(
			/Filter targetToSource.exclude must be a list/,
		);
		expect(() =>
			compileSyncConfig(
				config({
					filters: { targetToSource: { exclude: [{ field: 'x', operator: 'not_exists' }] } },
				}),
			),
		).not.toThrow();
	});
});
