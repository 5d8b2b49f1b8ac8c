import { encode, hmac } from './digest';
import { readOptionalHeader, readSignature } from './headers';
import { isFailure, missingHeader } from './reasons';
import type { DigestAlgorithm, Scheme } from './types';

// GitHub: `X-Hub-Signature-256: sha256=<hex>` = HMAC-SHA256(secret, body). The legacy SHA-1 header
// (`X-Hub-Signature: sha1=<hex>`) is accepted only when the node allows it and the SHA-256 one is absent.
const SHA256_HEADER = 'x-hub-signature-256';
const SHA1_HEADER = 'x-hub-signature';
const DELIVERY = 'x-github-delivery';

export const github: Scheme = {
	parse(request, options) {
		const sha256 = readOptionalHeader(request.headers, SHA256_HEADER);
		if (isFailure(sha256)) return sha256;
		let algorithm: DigestAlgorithm = 'sha256';
		let header = SHA256_HEADER;
		let value = sha256;
		if (value === undefined && options.githubAllowSha1) {
			const sha1 = readOptionalHeader(request.headers, SHA1_HEADER);
			if (isFailure(sha1)) return sha1;
			if (sha1 !== undefined) [algorithm, header, value] = ['sha1', SHA1_HEADER, sha1];
		}
		if (value === undefined) return missingHeader(SHA256_HEADER, 401);

		const signature = readSignature(request.headers, header, 'hex', `${algorithm}=`);
		if (isFailure(signature)) return signature;
		const delivery = readOptionalHeader(request.headers, DELIVERY);

		return {
			provided: [signature],
			expected: (secret) => [hmac(algorithm, secret, [request.rawBody])],
			eventId: typeof delivery === 'string' ? delivery : undefined,
		};
	},

	// GitHub sends both headers; so does the signer.
	sign(secret, input) {
		return {
			[SHA256_HEADER]: `sha256=${encode(hmac('sha256', secret, [input.body]), 'hex')}`,
			[SHA1_HEADER]: `sha1=${encode(hmac('sha1', secret, [input.body]), 'hex')}`,
			[DELIVERY]: input.id,
		};
	},
};
