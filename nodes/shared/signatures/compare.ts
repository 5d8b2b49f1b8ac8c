import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time equality for byte strings of any length: both sides are hashed first, so
 * timingSafeEqual always sees two 32-byte buffers and the time taken says nothing about either length.
 */
export function safeEqual(a: Buffer, b: Buffer): boolean {
	const digestA = createHash('sha256').update(a).digest();
	const digestB = createHash('sha256').update(b).digest();
	return timingSafeEqual(digestA, digestB);
}

/** Index of the first provided signature equal to an expected one, or -1. Compares every pair. */
export function findMatch(provided: Buffer[], expected: Buffer[]): number {
	let match = -1;
	for (let i = provided.length - 1; i >= 0; i--) {
		let equal = false;
		for (const candidate of expected) equal = safeEqual(provided[i], candidate) || equal;
		if (equal) match = i;
	}
	return match;
}
