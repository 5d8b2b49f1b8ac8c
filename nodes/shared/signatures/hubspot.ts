import { encode, hash, hmac } from './digest';
import type { Part } from './digest';
import { readOptionalHeader, readSignature } from './headers';
import { fail, isFailure } from './reasons';
import { readTimestamp } from './timestamp';
import type { Failure, ParsedRequest, Scheme, VerifyRequest } from './types';

// HubSpot (developers.hubspot.com, "Validating requests"):
//   v1: X-HubSpot-Signature = hex SHA-256(secret + body)
//   v2: X-HubSpot-Signature = hex SHA-256(secret + method + uri + body)
//   v3: X-HubSpot-Signature-v3 = base64 HMAC-SHA256(secret, method + uri + body + timestamp),
//       X-HubSpot-Request-Timestamp in milliseconds, uri with some percent-escapes decoded.
const SIGNATURE = 'x-hubspot-signature';
const VERSION = 'x-hubspot-signature-version';
const SIGNATURE_V3 = 'x-hubspot-signature-v3';
const TIMESTAMP = 'x-hubspot-request-timestamp';

// HubSpot signs the v3 URI with these escapes decoded (its documented table) and every other escape kept.
const V3_DECODED: Record<string, string> = {
	'%3A': ':',
	'%2F': '/',
	'%3F': '?',
	'%40': '@',
	'%21': '!',
	'%24': '$',
	'%27': "'",
	'%28': '(',
	'%29': ')',
	'%2A': '*',
	'%2C': ',',
	'%3B': ';',
};

/** The request URI as HubSpot signs it for v3. */
export const hubspotV3Uri = (url: string): string =>
	url.replace(
		/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi,
		(escape) => V3_DECODED[escape.toUpperCase()],
	);

/** v1 and v2 are plain SHA-256 over the secret followed by the request parts. */
function legacyVersion(
	version: 'v1' | 'v2',
	parts: (request: Pick<VerifyRequest, 'method' | 'url' | 'rawBody'>) => Part[],
): Scheme {
	return {
		parse(request) {
			const declared = readOptionalHeader(request.headers, VERSION);
			if (isFailure(declared)) return declared;
			if (declared !== undefined && declared.toLowerCase() !== version)
				return fail(400, `${VERSION} is not ${version}`);
			const signature = readSignature(request.headers, SIGNATURE, 'hex');
			if (isFailure(signature)) return signature;
			const parsed: ParsedRequest = {
				provided: [signature],
				expected: (secret) => [hash('sha256', [secret, ...parts(request)])],
			};
			return parsed;
		},
		sign(secret, input) {
			const request = { method: input.method, url: input.url, rawBody: input.body };
			return {
				[SIGNATURE]: encode(hash('sha256', [secret, ...parts(request)]), 'hex'),
				[VERSION]: version,
			};
		},
	};
}

export const hubspotV1 = legacyVersion('v1', (request) => [request.rawBody]);
export const hubspotV2 = legacyVersion('v2', (request) => [
	request.method.toUpperCase(),
	request.url,
	request.rawBody,
]);

const v3Digest = (secret: string, method: string, url: string, body: Buffer, timestamp: string) =>
	hmac('sha256', secret, [method.toUpperCase(), hubspotV3Uri(url), body, timestamp]);

export const hubspotV3: Scheme = {
	parse(request): ParsedRequest | Failure {
		const timestamp = readTimestamp(request.headers, TIMESTAMP, 'ms');
		if (isFailure(timestamp)) return timestamp;
		const signature = readSignature(request.headers, SIGNATURE_V3, 'base64');
		if (isFailure(signature)) return signature;

		return {
			provided: [signature],
			expected: (secret) => [
				v3Digest(secret, request.method, request.url, request.rawBody, timestamp.raw),
			],
			timestamp: timestamp.seconds,
		};
	},

	sign(secret, input) {
		const timestamp = String(Math.round(input.timestamp * 1000));
		return {
			[TIMESTAMP]: timestamp,
			[SIGNATURE_V3]: encode(
				v3Digest(secret, input.method, input.url, input.body, timestamp),
				'base64',
			),
		};
	},
};
