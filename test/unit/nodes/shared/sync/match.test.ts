import { compileSyncConfig } from '../../../../../nodes/shared/sync';
import { matchKeyOf, pairByKey } from '../../../../../nodes/shared/sync/match';
import { config } from './helpers';

const match = (normalize: 'domain' | 'lowercase' | 'exact') =>
	compileSyncConfig(config({ match: { field: 'domain', normalize } })).match as NonNullable<
		ReturnType<typeof compileSyncConfig>['match']
	>;

describe('match keys', () => {
	it('keys domains by registrable domain, text by case or exactly', () => {
		expect(matchKeyOf(match('domain'), 'https://www.Shop.Acme.co.uk/x')).toBe('acme.co.uk');
		expect(matchKeyOf(match('domain'), 'not a domain')).toBeUndefined();
		expect(matchKeyOf(match('domain'), null)).toBeUndefined();
		expect(matchKeyOf(match('lowercase'), ' ACME ')).toBe('acme');
		expect(matchKeyOf(match('exact'), ' ACME ')).toBe('ACME');
		expect(matchKeyOf(match('exact'), '  ')).toBeUndefined();
		expect(matchKeyOf(match('exact'), 12)).toBe('12');
	});

	it('pairs one to one in id order, and leaves the rest', () => {
		const key = (r: { id: string; k?: string }) => r.k;
		const pairs = pairByKey(
			[{ id: 's2', k: 'a' }, { id: 's1', k: 'a' }, { id: 's3', k: 'b' }, { id: 's4' }],
			[
				{ id: 't9', k: 'a' },
				{ id: 't1', k: 'c' },
				{ id: 't5', k: 'b' },
			],
			key,
		);
		expect(pairs.map((p) => [p.source.id, p.target.id, p.key])).toEqual([
			['s1', 't9', 'a'],
			['s3', 't5', 'b'],
		]);
	});
});
