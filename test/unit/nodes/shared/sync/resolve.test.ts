import { compileSyncConfig, type FieldMap, type Strategy } from '../../../../../nodes/shared/sync';
import {
	decideField,
	lastWriter,
	mergeSets,
	valuesAgree,
	type FieldSituation,
} from '../../../../../nodes/shared/sync/resolve';

function field(map: Partial<FieldMap> = {}, merge = false) {
	return compileSyncConfig({
		direction: 'bidirectional',
		strategy: merge ? 'merge' : 'last_write_wins',
		mergeFields: merge ? ['p'] : undefined,
		fields: [{ source: 'p', target: 'c', type: 'string', ...map }],
	}).fields[0];
}

const situation = (over: Partial<FieldSituation>): FieldSituation => ({
	source: 'a',
	target: 'a',
	baseSource: 'a',
	baseTarget: 'a',
	sourceChanged: false,
	targetChanged: false,
	sourceFlows: true,
	targetFlows: true,
	sourceTime: 1000,
	targetTime: 2000,
	...over,
});
const both = (over: Partial<FieldSituation> = {}) =>
	situation({ source: 'S', target: 'T', sourceChanged: true, targetChanged: true, ...over });

describe('decideField', () => {
	const plain = field();

	it('sends a one-sided change across, through the field transform, if it may flow', () => {
		const domain = field({ toTarget: 'domain' });
		expect(
			decideField(
				domain,
				'last_write_wins',
				situation({ source: 'https://www.b.io/x', sourceChanged: true }),
			),
		).toEqual({
			source: 'https://www.b.io/x',
			target: 'b.io',
		});
		expect(
			decideField(plain, 'source_wins', situation({ target: 'T', targetChanged: true })),
		).toEqual({
			source: 'T',
			target: 'T',
		});
		expect(
			decideField(
				plain,
				'last_write_wins',
				situation({ source: 'S', sourceChanged: true, sourceFlows: false }),
			),
		).toEqual({ source: 'S', target: 'a' });
		expect(decideField(plain, 'last_write_wins', situation({}))).toEqual({
			source: 'a',
			target: 'a',
		});
	});

	it('resolves the same field changed on both sides by the strategy', () => {
		const decide = (strategy: Strategy, over?: Partial<FieldSituation>) =>
			decideField(plain, strategy, both(over));
		expect(decide('source_wins')).toEqual({
			source: 'S',
			target: 'S',
			conflict: { resolution: 'source_wins', winner: 'source' },
		});
		expect(decide('target_wins')).toEqual({
			source: 'T',
			target: 'T',
			conflict: { resolution: 'target_wins', winner: 'target' },
		});
		expect(decide('last_write_wins')).toMatchObject({
			source: 'T',
			conflict: { winner: 'target' },
		});
		expect(decide('last_write_wins', { sourceTime: 3000 })).toMatchObject({
			target: 'S',
			conflict: { winner: 'source' },
		});
		// A tie, or no times at all, goes to the source.
		expect(decide('last_write_wins', { sourceTime: 2000 })).toMatchObject({
			conflict: { winner: 'source' },
		});
		expect(lastWriter(-Infinity, -Infinity)).toBe('source');
		// merge resolves a field that is not a merge field by last write.
		expect(decide('merge')).toMatchObject({
			source: 'T',
			conflict: { resolution: 'last_write_wins' },
		});
	});

	it('writes nothing when both changed to what agrees, or when the winner may not flow', () => {
		const industry = field({ toTarget: 'lowercase', toSource: 'uppercase' });
		expect(
			decideField(industry, 'source_wins', both({ source: 'RETAIL', target: 'retail' })),
		).toEqual({
			source: 'RETAIL',
			target: 'retail',
		});
		expect(valuesAgree(industry, 'RETAIL', 'Retail')).toBe(true);
		expect(valuesAgree(industry, 'RETAIL', 'banking')).toBe(false);
		expect(decideField(plain, 'target_wins', both({ targetFlows: false }))).toEqual({
			source: 'S',
			target: 'T',
			conflict: { resolution: 'target_wins', winner: 'target' },
		});
	});

	it('merges list fields three-way: additions on both sides are kept, removals stick', () => {
		const tags = field({}, true);
		const merged = decideField(
			tags,
			'merge',
			both({ baseSource: 'a;b', baseTarget: 'a;b', source: 'b;x', target: 'a;b;y' }),
		);
		expect(merged).toEqual({
			source: 'b;x;y',
			target: 'b;x;y',
			conflict: { resolution: 'merge', winner: 'merged' },
		});
		// Only to the sides the merge may flow to.
		expect(
			decideField(
				tags,
				'merge',
				both({ baseSource: null, baseTarget: null, source: 'a', target: 'b', sourceFlows: false }),
			),
		).toEqual({ source: 'a;b', target: 'b', conflict: { resolution: 'merge', winner: 'merged' } });
		expect(
			mergeSets(tags, both({ baseSource: null, baseTarget: null, source: null, target: 'a' })),
		).toBe('a');
	});

	it('falls back to last write for a JSON merge field that does not hold a list', () => {
		const json = compileSyncConfig({
			direction: 'bidirectional',
			strategy: 'merge',
			mergeFields: ['p'],
			fields: [{ source: 'p', target: 'c', type: 'json' }],
		}).fields[0];
		expect(
			decideField(
				json,
				'merge',
				both({ source: [1], target: [2], baseSource: [], baseTarget: [] }),
			),
		).toMatchObject({
			source: [1, 2],
			conflict: { resolution: 'merge' },
		});
		expect(decideField(json, 'merge', both({ source: { a: 1 }, target: [2] }))).toMatchObject({
			source: [2],
			target: [2],
			conflict: { resolution: 'last_write_wins', winner: 'target' },
		});
	});
});
