import { compileSyncConfig, type FieldMap, type JsonValue } from '../../../../../nodes/shared/sync';
import {
	crossValue,
	decodeValue,
	encodeForSource,
	encodeForTarget,
	fromItems,
	listItems,
	sameValue,
} from '../../../../../nodes/shared/sync/canonical';

function field(map: Partial<FieldMap> & Pick<FieldMap, 'type'>, merge = false) {
	const full = { source: 'p', target: 'c', ...map } as FieldMap;
	return compileSyncConfig({
		direction: 'bidirectional',
		strategy: merge ? 'merge' : 'last_write_wins',
		mergeFields: merge ? ['p'] : undefined,
		fields: [full],
	}).fields[0];
}

const value = (f: ReturnType<typeof field>, raw: unknown) => decodeValue(f, raw).value as JsonValue;

describe('canonical values', () => {
	it('reads HubSpot text and warehouse types as one value', () => {
		const number = field({ type: 'number' });
		expect(value(number, '12')).toBe(12);
		expect(value(number, 12)).toBe(12);
		expect(value(number, ' 12.50 ')).toBe(12.5);
		expect(value(number, '1234.50')).toBe(1234.5);
		expect(value(number, '-0')).toBe(0);
		expect(value(number, BigInt(7))).toBe(7);
		expect(value(number, '')).toBeNull();
		expect(decodeValue(number, 'n/a').error).toBe("'n/a' is not a number");
		expect(decodeValue(number, '0x10').error).toMatch(/is not a number/);
		expect(decodeValue(number, Infinity).error).toMatch(/finite/);
		expect(decodeValue(number, true).error).toMatch(/expected a number/);

		const boolean = field({ type: 'boolean' });
		expect([
			value(boolean, 'true'),
			value(boolean, true),
			value(boolean, 't'),
			value(boolean, 1),
		]).toEqual([true, true, true, true]);
		expect([
			value(boolean, 'false'),
			value(boolean, 'NO'),
			value(boolean, 0),
			value(boolean, ''),
		]).toEqual([false, false, false, null]);
		expect(decodeValue(boolean, 'maybe').error).toMatch(/is not true or false/);

		const text = field({ type: 'string' });
		expect([value(text, ''), value(text, null), value(text, undefined), value(text, 5)]).toEqual([
			null,
			null,
			null,
			'5',
		]);
		expect(value(text, ' a ')).toBe(' a ');
		expect(decodeValue(text, { a: 1 }).error).toMatch(/expected text but got an object/);
	});

	it('compares timestamps at the field precision, whatever the source precision and format', () => {
		const ms = field({ type: 'timestamp' });
		const expected = '2024-05-01T09:30:00.123Z';
		for (const raw of [
			'2024-05-01T09:30:00.123Z',
			'2024-05-01 09:30:00.123456+00',
			'2024-05-01T11:30:00.123+02:00',
			'1714555800123',
			1714555800123,
			new Date(1714555800123),
		])
			expect([raw, value(ms, raw)]).toEqual([raw, expected]);
		expect(
			value(field({ type: 'timestamp', precision: 'second' }), '2024-05-01T09:30:00.999Z'),
		).toBe('2024-05-01T09:30:00.000Z');
		const day = field({ type: 'timestamp', precision: 'day' });
		expect(value(day, '2024-05-01')).toBe('2024-05-01');
		expect(value(day, '2024-05-01T23:59:59Z')).toBe('2024-05-01');
		expect(value(day, '1714521600000')).toBe('2024-05-01');
		expect(value(ms, ' ')).toBeNull();
		expect(decodeValue(ms, 'yesterday').error).toMatch(/is not a date/);
		expect(decodeValue(ms, 1e17).error).toMatch(/out of range/);
	});

	it('reads JSON from text or objects with sorted keys', () => {
		const json = field({ type: 'json' });
		expect(value(json, '{"b":1,"a":{"d":2,"c":[3]}}')).toEqual({ a: { c: [3], d: 2 }, b: 1 });
		expect(JSON.stringify(value(json, { b: 1, a: 2 }))).toBe('{"a":2,"b":1}');
		expect(sameValue(value(json, '{"b":1,"a":2}'), value(json, { a: 2, b: 1 }))).toBe(true);
		expect(value(json, '12')).toBe(12);
		expect(decodeValue(json, '{oops').error).toMatch(/is not JSON/);
	});

	it('reads merge fields as sets: trimmed, without repeats, sorted', () => {
		const tags = field({ type: 'string' }, true);
		expect(value(tags, ' b ;a;;b ')).toBe('a;b');
		expect(value(tags, ' ; ')).toBeNull();
		expect(listItems(tags, 'a;b')).toEqual(['a', 'b']);
		expect(fromItems(tags, ['c', 'a', 'c'])).toBe('a;c');
		expect(fromItems(tags, [])).toBeNull();
		const list = field({ type: 'json' }, true);
		expect(value(list, '[3,1,3,{"b":1,"a":2}]')).toEqual([1, 3, { a: 2, b: 1 }]);
		expect(value(list, '{"a":1}')).toEqual({ a: 1 });
		expect(listItems(list, { a: 1 })).toBeUndefined();
	});

	it('writes HubSpot text and warehouse types that read back as the same value', () => {
		const cases: Array<[ReturnType<typeof field>, unknown]> = [
			[field({ type: 'number' }), 1234.5],
			[field({ type: 'number' }), 1e21],
			[field({ type: 'boolean' }), false],
			[field({ type: 'timestamp' }), '2024-05-01T09:30:00.123Z'],
			[field({ type: 'timestamp', precision: 'day' }), '2024-05-01'],
			[field({ type: 'json' }), { a: [1, 'x'], b: null }],
			[field({ type: 'string' }), 'Acme'],
		];
		for (const [f, canonical] of cases) {
			const v = canonical as ReturnType<typeof value>;
			expect(value(f, encodeForSource(f, v))).toEqual(v);
			expect(value(f, encodeForTarget(f, v))).toEqual(v);
			expect(typeof encodeForSource(f, v)).toBe('string');
		}
		expect(encodeForSource(field({ type: 'number' }), null)).toBe('');
		expect(encodeForTarget(field({ type: 'number' }), null)).toBeNull();
		expect(encodeForSource(field({ type: 'json' }), { a: 1 })).toBe('{"a":1}');
	});

	it('applies a field transform when a value crosses, and empties to null', () => {
		const f = field({ type: 'string', toTarget: ['trim', 'lowercase'], toSource: 'uppercase' });
		expect(crossValue(f, ' Retail ', 'target')).toBe('retail');
		expect(crossValue(f, 'retail', 'source')).toBe('RETAIL');
		expect(crossValue(f, '   ', 'target')).toBeNull();
		expect(crossValue(f, null, 'target')).toBeNull();
		expect(crossValue(field({ type: 'number' }), 5, 'target')).toBe(5);
	});
});
