import { safeEqual } from './compare';
import { encode, hash, hmac, utf8Text } from './digest';
import { readOptionalHeader, readSignature } from './headers';
import { bodyNotUtf8, fail, isFailure } from './reasons';
import type { Failure, Scheme, VerifyRequest } from './types';

// Twilio (twilio.com/docs/usage/security): `X-Twilio-Signature` = base64 HMAC-SHA1(auth token,
// url + each POST parameter name and value, names sorted). A JSON body is signed through a
// `bodySHA256` query parameter instead (hex SHA-256 of the body), with no POST parameters.
const SIGNATURE = 'x-twilio-signature';
const IDEMPOTENCY = 'i-twilio-idempotency-token';

type Params = Record<string, string | string[]>;

/** The string Twilio signs: the URL, then name+value for each parameter in sorted name order. */
export function twilioPayload(url: string, params: Params): string {
	let payload = url;
	for (const name of Object.keys(params).sort()) {
		const value = params[name];
		// Repeated names: each distinct value once, values sorted (as the official SDKs do).
		const values = Array.isArray(value) ? Array.from(new Set(value)).sort() : [value];
		for (const item of values) payload += name + item;
	}
	return payload;
}

function bodySha256Param(url: string): string | undefined {
	const query = url.indexOf('?');
	if (query < 0) return undefined;
	return new URLSearchParams(url.slice(query + 1).split('#')[0]).get('bodySHA256') ?? undefined;
}

function formParams(request: Pick<VerifyRequest, 'form' | 'rawBody'>): Params | Failure {
	if (request.form) return request.form;
	if (request.rawBody.length === 0) return {};
	const text = utf8Text(request.rawBody);
	if (text === undefined) return bodyNotUtf8();
	const params: Record<string, string[]> = {};
	new URLSearchParams(text).forEach((value, name) => {
		params[name] = (params[name] ?? []).concat(value);
	});
	return params;
}

// Twilio may sign the URL with or without the port; the SDKs accept both spellings. String surgery,
// not the URL class, because URL would normalise other parts of what was signed.
const AUTHORITY = /^(https?):\/\/([^/?#]*@)?(\[[^\]]*\]|[^/?#:]*)(:\d*)?(.*)$/i;

function urlVariants(url: string): string[] {
	const match = AUTHORITY.exec(url);
	if (!match) return [url];
	const [, protocol, userinfo = '', host, port, rest] = match;
	const base = `${protocol}://${userinfo}${host}`;
	const other = port
		? `${base}${rest}`
		: `${base}:${protocol.toLowerCase() === 'https' ? 443 : 80}${rest}`;
	return [url, other];
}

const digest = (secret: string, payload: string) => hmac('sha1', secret, [payload]);

export const twilio: Scheme = {
	parse(request) {
		const signature = readSignature(request.headers, SIGNATURE, 'base64');
		if (isFailure(signature)) return signature;

		let params: Params = {};
		const bodyHash = bodySha256Param(request.url);
		if (bodyHash === undefined) {
			const form = formParams(request);
			if (isFailure(form)) return form;
			params = form;
		} else if (
			!safeEqual(
				Buffer.from(encode(hash('sha256', [request.rawBody]), 'hex')),
				Buffer.from(bodyHash.toLowerCase()),
			)
		) {
			return fail(401, 'body does not match bodySHA256');
		}

		const payloads = urlVariants(request.url).map((url) => twilioPayload(url, params));
		const token = readOptionalHeader(request.headers, IDEMPOTENCY);
		return {
			provided: [signature],
			expected: (secret) => payloads.map((payload) => digest(secret, payload)),
			eventId: typeof token === 'string' ? token : undefined,
		};
	},

	sign(secret, input) {
		const params =
			bodySha256Param(input.url) === undefined
				? formParams({ form: input.form, rawBody: input.body })
				: {};
		if (isFailure(params)) throw new Error(params.reason);
		return {
			[SIGNATURE]: encode(digest(secret, twilioPayload(input.url, params)), 'base64'),
			[IDEMPOTENCY]: input.id,
		};
	},
};
