import { readHeader, readOptionalHeader } from '../../../../../nodes/shared/signatures/headers';

describe('headers', () => {
	const headers = {
		'X-One': 'a',
		two: ['b'],
		three: ['c', 'd'],
		Four: 'e',
		four: 'f',
		five: undefined,
		six: ' g ',
	};
	it('reads by case-insensitive name, trimmed', () => {
		expect(readHeader(headers, 'x-one')).toBe('a');
		expect(readHeader(headers, 'TWO')).toBe('b');
		expect(readHeader(headers, 'six')).toBe('g');
	});
	it('reports missing and duplicated', () => {
		expect(readOptionalHeader(headers, 'five')).toBeUndefined();
		expect(readHeader(headers, 'five')).toEqual({
			ok: false,
			status: 400,
			reason: 'missing header five',
		});
		expect(readHeader(headers, 'Five', 401)).toEqual({
			ok: false,
			status: 401,
			reason: 'missing header five',
		});
		expect(readHeader(headers, 'three')).toEqual({
			ok: false,
			status: 400,
			reason: 'duplicated header three',
		});
		expect(readHeader(headers, 'four')).toEqual({
			ok: false,
			status: 400,
			reason: 'duplicated header four',
		});
	});
});
