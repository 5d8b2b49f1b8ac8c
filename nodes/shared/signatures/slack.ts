import { encode, hmac } from './digest';
import { readSignature } from './headers';
import { isFailure } from './reasons';
import { readTimestamp } from './timestamp';
import type { Scheme } from './types';

// Slack: `X-Slack-Signature: v0=<hex>` = HMAC-SHA256(secret, `v0:<timestamp>:<body>`),
// timestamp in seconds in `X-Slack-Request-Timestamp`.
const SIGNATURE = 'x-slack-signature';
const TIMESTAMP = 'x-slack-request-timestamp';
const PREFIX = 'v0=';

const digest = (secret: string, timestamp: string, body: Buffer) =>
	hmac('sha256', secret, ['v0:', timestamp, ':', body]);

export const slack: Scheme = {
	parse(request) {
		const timestamp = readTimestamp(request.headers, TIMESTAMP, 's');
		if (isFailure(timestamp)) return timestamp;
		const signature = readSignature(request.headers, SIGNATURE, 'hex', PREFIX);
		if (isFailure(signature)) return signature;

		return {
			provided: [signature],
			expected: (secret) => [digest(secret, timestamp.raw, request.rawBody)],
			timestamp: timestamp.seconds,
		};
	},

	sign(secret, input) {
		const timestamp = String(input.timestamp);
		return {
			[TIMESTAMP]: timestamp,
			[SIGNATURE]: `${PREFIX}${encode(digest(secret, timestamp, input.body), 'hex')}`,
		};
	},
};
