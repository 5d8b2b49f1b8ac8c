import type { Failure } from './types';

/**
 * Every reason a request is refused. Short, safe to return to the caller: they name headers and limits,
 * never a secret or the signature that was expected.
 */
export const fail = (status: Failure['status'], reason: string): Failure => ({
	ok: false,
	status,
	reason,
});

export const isFailure = (value: unknown): value is Failure =>
	typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;

export const SIGNATURE_MISMATCH = 'signature mismatch';
export const EMPTY_SECRET = 'empty secret: set it in the credential';

/** The node answers 409 with this reason when the replay key was already stored. */
export const REPLAY_STATUS = 409;
export const REPLAY_REASON = 'replayed request: already received within the replay window';

export const missingHeader = (name: string, status: Failure['status']) =>
	fail(status, `missing header ${name}`);
export const duplicatedHeader = (name: string) => fail(400, `duplicated header ${name}`);
export const badEncoding = (encoding: 'base64' | 'hex', where: string) =>
	fail(400, `bad ${encoding} in ${where}`);
export const wrongPrefix = (header: string, prefix: string) =>
	fail(400, `wrong prefix in ${header} (expected ${prefix})`);
export const badTimestamp = (where: string) => fail(400, `bad timestamp in ${where}`);
export const outsideTolerance = (seconds: number) =>
	fail(401, `timestamp outside tolerance (${seconds} s)`);
export const bodyTooLarge = (limit: number) => fail(413, `body exceeds ${limit} bytes`);
export const bodyNotUtf8 = () => fail(400, 'body is not valid UTF-8');
