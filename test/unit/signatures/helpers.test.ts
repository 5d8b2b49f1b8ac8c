import { findMatch, safeEqual } from '../../../nodes/shared/signatures/compare';
import { decode, utf8Text } from '../../../nodes/shared/signatures/digest';
import { readHeader, readOptionalHeader } from '../../../nodes/shared/signatures/headers';
import { hubspotV3Uri, twilioPayload } from '../../../nodes/shared/signatures';
import { checkTolerance, parseTimestamp } from '../../../nodes/shared/signatures/timestamp';

describe('constant-time compare', () => {
	it('compares any lengths without throwing', () => {
		expect(safeEqual(Buffer.from('abc'), Buffer.from('abc'))).toBe(true);
		expect(safeEqual(Buffer.from('abc'), Buffer.from('abcd'))).toBe(false);
		expect(safeEqual(Buffer.alloc(0), Buffer.from('a'))).toBe(false);
		expect(safeEqual(Buffer.alloc(0), Buffer.alloc(0))).toBe(true);
	});
	it('findMatch reports the first provided signature that matches, after comparing all', () => {
		const [a, b, c] = ['a', 'b', 'c'].map((s) => Buffer.from(s));
		expect(findMatch([a, b, c], [c, b])).toBe(1);
		expect(findMatch([a], [b, c])).toBe(-1);
		expect(findMatch([], [a])).toBe(-1);
	});
});

describe('strict decoding', () => {
	it('accepts canonical base64 and hex only', () => {
		expect(decode('aGk=', 'base64', 'h')).toEqual(Buffer.from('hi'));
		expect(decode('aGk', 'base64', 'h')).toEqual({
			ok: false,
			status: 400,
			reason: 'bad base64 in h',
		});
		expect(decode('', 'base64', 'h')).toMatchObject({ ok: false });
		expect(decode('a-_b', 'base64', 'h')).toMatchObject({ ok: false });
		expect(decode('0aFF', 'hex', 'h')).toEqual(Buffer.from([0x0a, 0xff]));
		expect(decode('0aF', 'hex', 'h')).toEqual({ ok: false, status: 400, reason: 'bad hex in h' });
		expect(decode('', 'hex', 'h')).toMatchObject({ ok: false });
	});
	it('utf8Text refuses invalid UTF-8 instead of replacing it', () => {
		expect(utf8Text(Buffer.from('Überstadt €'))).toBe('Überstadt €');
		expect(utf8Text(Buffer.from([0xc3]))).toBeUndefined();
		expect(utf8Text(Buffer.from([0xed, 0xa0, 0x80]))).toBeUndefined();
	});
});

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

describe('timestamps', () => {
	it('parses seconds and milliseconds into seconds', () => {
		expect(parseTimestamp('1614265330', 's', 'h')).toBe(1614265330);
		expect(parseTimestamp('15000000', 'ms', 'h')).toBe(15000);
		expect(parseTimestamp('1e9', 's', 'H')).toEqual({
			ok: false,
			status: 400,
			reason: 'bad timestamp in h',
		});
		expect(parseTimestamp(' 1', 's', 'h')).toMatchObject({ ok: false });
	});
	it('checks the tolerance both ways, inclusive', () => {
		expect(checkTolerance(1000, 1300_000, 300)).toBeUndefined();
		expect(checkTolerance(1000, 700_000, 300)).toBeUndefined();
		expect(checkTolerance(1000, 1300_001, 300)).toEqual({
			ok: false,
			status: 401,
			reason: 'timestamp outside tolerance (300 s)',
		});
		expect(checkTolerance(1000, 699_999, 300)).toMatchObject({ ok: false });
	});
});

describe('HubSpot v3 URI', () => {
	it('decodes the escapes HubSpot documents and keeps every other escape', () => {
		expect(hubspotV3Uri('https://x.test/a%3Ab%2Fc%3Fd%40e%21f%24g%27h%28i%29j%2Ak%2Cl%3Bm')).toBe(
			"https://x.test/a:b/c?d@e!f$g'h(i)j*k,l;m",
		);
		expect(hubspotV3Uri('https://x.test/p?q=a%20b%26c%3d%2b')).toBe(
			'https://x.test/p?q=a%20b%26c%3d%2b',
		);
		expect(hubspotV3Uri('https://x.test/p?q=%3a%2f')).toBe('https://x.test/p?q=:/');
	});
});

describe('Twilio payload', () => {
	it('appends sorted names with their values, repeated names once per distinct value', () => {
		expect(twilioPayload('https://x.test/a', { b: '2', a: '1', B: '3' })).toBe(
			'https://x.test/aB3a1b2',
		);
		expect(twilioPayload('u', { m: ['z', 'y', 'z'] })).toBe('umymz');
	});
});
