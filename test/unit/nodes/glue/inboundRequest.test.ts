// Reading a request in the trigger: the raw bytes, the body limit and the URL the sender signed.
import {
	readRawBody,
	toVerifyRequest,
	type IncomingRequest,
} from '../../../../nodes/glue/inboundRequest';

const request = (extra: Partial<IncomingRequest>): IncomingRequest => ({ headers: {}, ...extra });

describe('trigger request', () => {
	test('the bytes n8n already read are used as they are', async () => {
		const rawBody = Buffer.from('{"a":1}');
		expect(await readRawBody(request({ rawBody }), 100)).toBe(rawBody);
	});

	test('an unread body (a type n8n does not parse) is read here', async () => {
		const req = request({ contentType: 'application/octet-stream' });
		req.readRawBody = async () => {
			req.rawBody = Buffer.from([1, 2, 3]);
		};
		expect(await readRawBody(req, 100)).toEqual(Buffer.from([1, 2, 3]));
	});

	test('a declared length over the limit is refused before reading', async () => {
		const req = request({ headers: { 'content-length': '101' } });
		req.readRawBody = async () => {
			throw new Error('must not read');
		};
		expect(await readRawBody(req, 100)).toEqual({
			ok: false,
			status: 413,
			reason: 'body exceeds 100 bytes',
		});
	});

	test('a body that cannot be read, and multipart bodies, get a reason instead of an exception', async () => {
		const req = request({});
		req.readRawBody = async () => {
			throw Object.assign(new Error('aborted'), { status: 400 });
		};
		expect(await readRawBody(req, 100)).toEqual({
			ok: false,
			status: 400,
			reason: 'request body could not be read',
		});
		expect(await readRawBody(request({ contentType: 'multipart/form-data' }), 100)).toMatchObject({
			ok: false,
			status: 400,
		});
	});

	test('the signed URL is the public base plus the query string exactly as received', () => {
		const req = request({ method: 'POST', originalUrl: '/webhook/p?b=2&a=%2F' });
		expect(toVerifyRequest(req, Buffer.alloc(0), 'https://hooks.example.com/webhook/p').url).toBe(
			'https://hooks.example.com/webhook/p?b=2&a=%2F',
		);
	});

	test('a header sent twice reaches the verifier as two values (refused as ambiguous), not one joined string', () => {
		const req = request({ headers: { 'x-sig': 'a, b' }, headersDistinct: { 'x-sig': ['a', 'b'] } });
		expect(toVerifyRequest(req, Buffer.alloc(0), '').headers['x-sig']).toEqual(['a', 'b']);
	});
});
