import { decode, encode, hmac } from './digest';
import { readHeader } from './headers';
import { fail, isFailure } from './reasons';
import { parseTimestamp } from './timestamp';
import type { Scheme } from './types';

// Stripe: `Stripe-Signature: t=<seconds>,v1=<hex>[,v1=<hex>…][,v0=…]`, HMAC-SHA256 over `t.body`
// keyed by the whole `whsec_…` string. Only v1 counts; several v1 entries appear during a rotation.
const SIGNATURE = 'stripe-signature';

const digest = (secret: string, timestamp: string, body: Buffer) =>
	hmac('sha256', secret, [timestamp, '.', body]);

export const stripe: Scheme = {
	parse(request) {
		const header = readHeader(request.headers, SIGNATURE, 401);
		if (isFailure(header)) return header;

		let rawTimestamp: string | undefined;
		const provided: Buffer[] = [];
		for (const item of header.split(',')) {
			const equals = item.indexOf('=');
			if (equals < 1) return fail(400, `bad entry in ${SIGNATURE}`);
			const name = item.slice(0, equals).trim();
			const value = item.slice(equals + 1).trim();
			if (name === 't') {
				if (rawTimestamp !== undefined) return fail(400, `duplicated t in ${SIGNATURE}`);
				rawTimestamp = value;
			} else if (name === 'v1') {
				const signature = decode(value, 'hex', SIGNATURE);
				if (isFailure(signature)) return signature;
				provided.push(signature);
			}
		}
		if (rawTimestamp === undefined) return fail(400, `missing t in ${SIGNATURE}`);
		const timestamp = parseTimestamp(rawTimestamp, 's', SIGNATURE);
		if (isFailure(timestamp)) return timestamp;
		if (provided.length === 0) return fail(401, `no v1 signature in ${SIGNATURE}`);

		const signedTimestamp = rawTimestamp;
		return {
			provided,
			expected: (secret) => [digest(secret, signedTimestamp, request.rawBody)],
			timestamp,
		};
	},

	sign(secret, input) {
		const timestamp = String(input.timestamp);
		return {
			[SIGNATURE]: `t=${timestamp},v1=${encode(digest(secret, timestamp, input.body), 'hex')}`,
		};
	},
};
