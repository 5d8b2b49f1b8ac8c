import { encode, hmac } from './digest';
import type { Part } from './digest';
import { readHeader, readSignature } from './headers';
import { fail, isFailure } from './reasons';
import { readTimestamp } from './timestamp';
import type { CustomSchemeOptions, Failure, Scheme } from './types';

// A scheme described by the user: HMAC over a template such as `{timestamp}.{body}`, carried in one
// header with an optional prefix. The body is spliced in as bytes, so any body verifies.
const PLACEHOLDER = /\{(body|timestamp|id|method|url)\}/;

interface TemplateValues {
	body: Buffer;
	timestamp?: string;
	id?: string;
	method: string;
	url: string;
}

function signedPayload(template: string, values: TemplateValues): Part[] {
	// split() with a capturing group alternates literal text and placeholder names.
	return template.split(PLACEHOLDER).map((piece, index) => {
		if (index % 2 === 0) return piece;
		const name = piece as keyof TemplateValues;
		return name === 'method' ? values.method.toUpperCase() : (values[name] ?? '');
	});
}

function checkOptions(
	options: CustomSchemeOptions | undefined,
): Failure | (Required<Pick<CustomSchemeOptions, 'payloadTemplate'>> & CustomSchemeOptions) {
	if (!options || !options.signatureHeader)
		return fail(400, 'custom scheme: set the signature header');
	const payloadTemplate = options.payloadTemplate || '{body}';
	if (payloadTemplate.includes('{timestamp}') && !options.timestampHeader)
		return fail(400, 'custom scheme: the template uses {timestamp} but no timestamp header is set');
	if (payloadTemplate.includes('{id}') && !options.idHeader)
		return fail(400, 'custom scheme: the template uses {id} but no id header is set');
	return { ...options, payloadTemplate };
}

export const custom: Scheme = {
	parse(request, schemeOptions) {
		const options = checkOptions(schemeOptions.custom);
		if (isFailure(options)) return options;

		let timestamp: { raw: string; seconds: number } | undefined;
		if (options.timestampHeader) {
			const read = readTimestamp(
				request.headers,
				options.timestampHeader,
				options.timestampUnit ?? 's',
			);
			if (isFailure(read)) return read;
			timestamp = read;
		}
		let id: string | undefined;
		if (options.idHeader) {
			const value = readHeader(request.headers, options.idHeader);
			if (isFailure(value)) return value;
			id = value;
		}
		const signature = readSignature(
			request.headers,
			options.signatureHeader,
			options.encoding,
			options.prefix,
		);
		if (isFailure(signature)) return signature;

		const payload = signedPayload(options.payloadTemplate, {
			body: request.rawBody,
			timestamp: timestamp?.raw,
			id,
			method: request.method,
			url: request.url,
		});
		return {
			provided: [signature],
			expected: (secret) => [hmac(options.algorithm, secret, payload)],
			timestamp: timestamp?.seconds,
			eventId: id,
			eventIdSigned: id !== undefined && options.payloadTemplate.includes('{id}'),
		};
	},

	sign(secret, input, schemeOptions) {
		const options = checkOptions(schemeOptions.custom);
		if (isFailure(options)) throw new Error(options.reason);
		const timestamp = String(
			options.timestampUnit === 'ms' ? Math.round(input.timestamp * 1000) : input.timestamp,
		);
		const payload = signedPayload(options.payloadTemplate, { ...input, timestamp });
		const headers: Record<string, string> = {
			[options.signatureHeader.toLowerCase()]: `${options.prefix ?? ''}${encode(hmac(options.algorithm, secret, payload), options.encoding)}`,
		};
		if (options.timestampHeader) headers[options.timestampHeader.toLowerCase()] = timestamp;
		if (options.idHeader) headers[options.idHeader.toLowerCase()] = input.id;
		return headers;
	},
};
