import { findMatch } from './compare';
import { deriveReplayKey } from './replay';
import { bodyTooLarge, EMPTY_SECRET, fail, isFailure, SIGNATURE_MISMATCH } from './reasons';
import { isSchemeName, SCHEMES } from './registry';
import { checkTolerance, DEFAULT_TOLERANCE_SECONDS } from './timestamp';
import type {
	Failure,
	KeyUsed,
	SchemeName,
	VerifyOptions,
	VerifyRequest,
	VerifyResult,
} from './types';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const isBlank = (secret: string | undefined) => secret === undefined || secret.trim() === '';

/**
 * Verifies one webhook request against a scheme. The single place for what all schemes share: the body
 * limit, the timestamp tolerance, secret rotation (current, then previous) and the replay key.
 * Never throws: every refusal is `{ ok: false, status, reason }`.
 */
export function verifySignature(
	scheme: SchemeName,
	request: VerifyRequest,
	options: VerifyOptions,
): VerifyResult {
	if (!isSchemeName(scheme)) return fail(400, 'unknown signature scheme');
	if (!options?.secrets || isBlank(options.secrets.current)) return fail(401, EMPTY_SECRET);
	if (!Buffer.isBuffer(request?.rawBody))
		return fail(400, 'raw body missing: enable raw body on the webhook');
	const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
	if (request.rawBody.length > maxBodyBytes) return bodyTooLarge(maxBodyBytes);

	const headers = request.headers ?? {};
	const parsed = SCHEMES[scheme].parse(
		{ ...request, headers, method: request.method ?? '', url: request.url ?? '' },
		options,
	);
	if (isFailure(parsed)) return parsed;

	if (parsed.timestamp !== undefined) {
		const now = (options.now ?? Date.now)();
		const stale = checkTolerance(
			parsed.timestamp,
			now,
			options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
		);
		if (stale) return stale;
	}

	const keys: Array<[KeyUsed, string]> = [['current', options.secrets.current]];
	if (!isBlank(options.secrets.previous))
		keys.push(['previous', options.secrets.previous as string]);

	// Every key is tried even after a match, so the time taken does not depend on which one matched.
	let matched: { keyUsed: KeyUsed; index: number } | undefined;
	let keyFailure: Failure | undefined;
	for (const [keyUsed, secret] of keys) {
		const expected = parsed.expected(secret);
		if (isFailure(expected)) {
			keyFailure = keyFailure ?? expected;
			continue;
		}
		const index = findMatch(parsed.provided, expected);
		if (index >= 0 && !matched) matched = { keyUsed, index };
	}
	if (!matched) return keyFailure ? fail(401, keyFailure.reason) : fail(401, SIGNATURE_MISMATCH);

	return {
		ok: true,
		scheme,
		keyUsed: matched.keyUsed,
		timestamp: parsed.timestamp === undefined ? undefined : Math.floor(parsed.timestamp),
		eventId: parsed.eventId,
		replayKey: deriveReplayKey(
			scheme,
			parsed.eventIdSigned ? parsed.eventId : undefined,
			parsed.replayMaterial ?? parsed.provided[matched.index],
		),
	};
}
