import { decode, utf8Text } from '../../../../../nodes/shared/signatures/digest';

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
