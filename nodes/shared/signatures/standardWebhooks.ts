import { decode, encode, hmac } from './digest';
import { readHeader } from './headers';
import { fail, isFailure } from './reasons';
import { readTimestamp } from './timestamp';
import type { ParsedRequest, Scheme } from './types';

// standardwebhooks.com: `webhook-signature: v1,<base64> v1,<base64>` (space-separated, several during
// a key rotation), HMAC-SHA256 over `id.timestamp.body` keyed by the base64 part of `whsec_…`.
const ID = 'webhook-id';
const TIMESTAMP = 'webhook-timestamp';
const SIGNATURE = 'webhook-signature';
const SECRET_PREFIX = 'whsec_';

function signingKey(secret: string) {
	const base64 = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
	return decode(base64, 'base64', 'secret');
}

function digest(key: Buffer, id: string, timestamp: string, body: Buffer) {
	return hmac('sha256', key, [id, '.', timestamp, '.', body]);
}

export const standardWebhooks: Scheme = {
	parse(request) {
		const id = readHeader(request.headers, ID);
		if (isFailure(id)) return id;
		const timestamp = readTimestamp(request.headers, TIMESTAMP, 's');
		if (isFailure(timestamp)) return timestamp;
		const header = readHeader(request.headers, SIGNATURE, 401);
		if (isFailure(header)) return header;

		const provided: Buffer[] = [];
		for (const entry of header.split(' ')) {
			const comma = entry.indexOf(',');
			// Other versions (v1a: asymmetric) are skipped, as the reference libraries do.
			if (entry.slice(0, comma) !== 'v1') continue;
			const signature = decode(entry.slice(comma + 1), 'base64', SIGNATURE);
			if (isFailure(signature)) return signature;
			provided.push(signature);
		}
		if (provided.length === 0) return fail(401, `no v1 signature in ${SIGNATURE}`);

		const parsed: ParsedRequest = {
			provided,
			expected: (secret) => {
				const key = signingKey(secret);
				return isFailure(key) ? key : [digest(key, id, timestamp.raw, request.rawBody)];
			},
			timestamp: timestamp.seconds,
			eventId: id,
			eventIdSigned: true,
		};
		return parsed;
	},

	sign(secret, input) {
		const key = signingKey(secret);
		if (isFailure(key)) throw new Error(key.reason);
		const timestamp = String(input.timestamp);
		return {
			[ID]: input.id,
			[TIMESTAMP]: timestamp,
			[SIGNATURE]: `v1,${encode(digest(key, input.id, timestamp, input.body), 'base64')}`,
		};
	},
};
