import { randomBytes } from 'node:crypto';

import { SCHEMES } from './registry';
import type { SchemeName, SchemeOptions, SignInput } from './types';

/**
 * The headers a genuine sender would attach to this request. Used by tests, the sandbox and the
 * benchmarks to produce requests the verifier accepts; the same payload builders as verification.
 * Defaults: timestamp now (seconds), a random id, POST, empty URL.
 */
export function signRequest(
	scheme: SchemeName,
	secret: string,
	input: SignInput,
	options: SchemeOptions = {},
): Record<string, string> {
	return SCHEMES[scheme].sign(
		secret,
		{
			body: typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body,
			timestamp: input.timestamp ?? Math.floor(Date.now() / 1000),
			id: input.id ?? `msg_${randomBytes(12).toString('hex')}`,
			method: input.method ?? 'POST',
			url: input.url ?? '',
			form: input.form,
		},
		options,
	);
}
