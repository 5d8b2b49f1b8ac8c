import { encode, hash } from './digest';
import type { SchemeName } from './types';

/**
 * The key the node stores to refuse a request seen before within its window. An event id is used only
 * when the signature covers it (an unsigned id could be changed to replay the same signed body);
 * otherwise the signature itself identifies the request.
 */
export function deriveReplayKey(
	scheme: SchemeName,
	signedEventId: string | undefined,
	signature: Buffer,
): string {
	if (signedEventId !== undefined) return `${scheme}:id:${signedEventId}`;
	return `${scheme}:sig:${encode(hash('sha256', [signature]), 'hex')}`;
}
