import { decode } from './digest';
import { duplicatedHeader, isFailure, missingHeader, wrongPrefix } from './reasons';
import type { DigestEncoding, Failure, HeaderValue } from './types';

/**
 * One header by case-insensitive name. Refuses a header sent twice (two keys differing in case, or an
 * array of values): which copy a sender meant is ambiguous, and an attacker could add the second.
 */
export function readOptionalHeader(
	headers: Record<string, HeaderValue>,
	name: string,
): string | undefined | Failure {
	const wanted = name.toLowerCase();
	const values: string[] = [];
	for (const key of Object.keys(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		const value = headers[key];
		if (Array.isArray(value)) values.push(...value);
		else if (typeof value === 'string') values.push(value);
	}
	if (values.length > 1) return duplicatedHeader(wanted);
	const value = values.length === 1 ? values[0].trim() : '';
	return value === '' ? undefined : value;
}

/** A header that must be present; a missing signature is 401, any other missing header 400. */
export function readHeader(
	headers: Record<string, HeaderValue>,
	name: string,
	missingStatus: Failure['status'] = 400,
): string | Failure {
	const value = readOptionalHeader(headers, name);
	return value === undefined ? missingHeader(name.toLowerCase(), missingStatus) : value;
}

/** Strips a required prefix such as `sha256=` from a header value. */
function stripPrefix(value: string, prefix: string, header: string): string | Failure {
	if (!value.startsWith(prefix)) return wrongPrefix(header.toLowerCase(), prefix);
	return value.slice(prefix.length);
}

/** The signature header most schemes carry: required (401 when missing), optional prefix, then the encoded digest. */
export function readSignature(
	headers: Record<string, HeaderValue>,
	name: string,
	encoding: DigestEncoding,
	prefix = '',
): Buffer | Failure {
	const header = readHeader(headers, name, 401);
	if (isFailure(header)) return header;
	const encoded = stripPrefix(header, prefix, name);
	return isFailure(encoded) ? encoded : decode(encoded, encoding, name.toLowerCase());
}
