import { hash } from './digest';
import { readHeader } from './headers';
import { isFailure } from './reasons';
import type { Scheme } from './types';

// Clay's HTTP API column does not sign requests: the user adds a header holding a shared secret.
export const DEFAULT_CLAY_HEADER = 'x-clay-webhook-secret';

export const clay: Scheme = {
	parse(request, options) {
		const header = options.clayHeader || DEFAULT_CLAY_HEADER;
		const value = readHeader(request.headers, header, 401);
		if (isFailure(value)) return value;
		return {
			provided: [Buffer.from(value, 'utf8')],
			expected: (secret) => [Buffer.from(secret, 'utf8')],
			// The header is the same on every request, so the body tells one request from another.
			replayMaterial: hash('sha256', [request.rawBody]),
		};
	},

	sign(secret, _input, options) {
		return { [(options.clayHeader || DEFAULT_CLAY_HEADER).toLowerCase()]: secret };
	},
};
