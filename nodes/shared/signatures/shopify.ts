import { encode, hmac } from './digest';
import { readOptionalHeader, readSignature } from './headers';
import { isFailure } from './reasons';
import type { Scheme } from './types';

// Shopify: `X-Shopify-Hmac-Sha256: <base64>` = HMAC-SHA256(secret, body). No signed timestamp.
const SIGNATURE = 'x-shopify-hmac-sha256';
const WEBHOOK_ID = 'x-shopify-webhook-id';

export const shopify: Scheme = {
	parse(request) {
		const signature = readSignature(request.headers, SIGNATURE, 'base64');
		if (isFailure(signature)) return signature;
		const webhookId = readOptionalHeader(request.headers, WEBHOOK_ID);

		return {
			provided: [signature],
			expected: (secret) => [hmac('sha256', secret, [request.rawBody])],
			eventId: typeof webhookId === 'string' ? webhookId : undefined,
		};
	},

	sign(secret, input) {
		return {
			[SIGNATURE]: encode(hmac('sha256', secret, [input.body]), 'base64'),
			[WEBHOOK_ID]: input.id,
		};
	},
};
