import { createHash, createHmac } from 'node:crypto';

import { badEncoding } from './reasons';
import type { DigestAlgorithm, DigestEncoding, Failure } from './types';

/** The HMAC and hash helpers every scheme uses, on the verifying and on the signing side. */
export type Part = string | Buffer;

export function hmac(algorithm: DigestAlgorithm, key: Part, parts: Part[]): Buffer {
	const mac = createHmac(algorithm, key);
	for (const part of parts) mac.update(part);
	return mac.digest();
}

export function hash(algorithm: DigestAlgorithm, parts: Part[]): Buffer {
	const digest = createHash(algorithm);
	for (const part of parts) digest.update(part);
	return digest.digest();
}

export const encode = (bytes: Buffer, encoding: DigestEncoding): string => bytes.toString(encoding);

// Buffer.from(text, 'base64'|'hex') silently skips bad characters; a signature must be read strictly.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;

export function decode(text: string, encoding: DigestEncoding, where: string): Buffer | Failure {
	const valid = encoding === 'hex' ? HEX.test(text) : text.length > 0 && BASE64.test(text);
	return valid ? Buffer.from(text, encoding) : badEncoding(encoding, where);
}

/** The body as text, or undefined when it is not valid UTF-8 (a lossy decode would verify other bytes). */
export function utf8Text(bytes: Buffer): string | undefined {
	const text = bytes.toString('utf8');
	return Buffer.from(text, 'utf8').equals(bytes) ? text : undefined;
}
