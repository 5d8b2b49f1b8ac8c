import {
	bodyTooLarge,
	fail,
	type Failure,
	type HeaderValue,
	type VerifyRequest,
} from '../shared/signatures';

/** The parts of n8n's request object (an express request n8n extends) the trigger reads. */
export interface IncomingRequest {
	method?: string;
	originalUrl?: string;
	url?: string;
	headers: Record<string, HeaderValue>;
	/** Node's per-header value lists: a header sent twice stays two values instead of one joined string. */
	headersDistinct?: Record<string, string[] | undefined>;
	contentType?: string;
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
	body?: unknown;
	query?: unknown;
	params?: unknown;
}

/**
 * The body bytes as received. n8n has already read them for the content types it parses (JSON, form, text,
 * XML); for any other type the stream is still unread and is read here. A declared length over the limit is
 * refused before reading; n8n's own payload limit (N8N_PAYLOAD_SIZE_MAX) still applies on top.
 */
export async function readRawBody(
	req: IncomingRequest,
	maxBytes: number,
): Promise<Buffer | Failure> {
	if (req.contentType?.startsWith('multipart/')) {
		return fail(
			400,
			'multipart bodies cannot be verified: n8n parses them before the raw bytes are kept',
		);
	}
	const declared = Number(req.headers['content-length']);
	if (Number.isFinite(declared) && declared > maxBytes) return bodyTooLarge(maxBytes);
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function') {
		try {
			await req.readRawBody();
		} catch (error) {
			const status = (error as { status?: number }).status;
			return status === 413 ? bodyTooLarge(maxBytes) : fail(400, 'request body could not be read');
		}
	}
	return Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0);
}

/** The query string as sent, `?` included, or ''. */
function queryString(req: IncomingRequest): string {
	const url = req.originalUrl ?? req.url ?? '';
	const index = url.indexOf('?');
	return index < 0 ? '' : url.slice(index);
}

/**
 * What the sender signed (HubSpot v2/v3, Twilio, Custom `{url}`): the public URL it called, with the query
 * string exactly as received. n8n only sees its own URL; behind a proxy that rewrites it, `publicUrl` says
 * what the sender called. `baseUrl` may be a function: it is then only called when a scheme reads the URL.
 */
export function toVerifyRequest(
	req: IncomingRequest,
	rawBody: Buffer,
	baseUrl: string | (() => string),
): VerifyRequest {
	let url: string | undefined;
	return {
		method: req.method ?? 'POST',
		// Built on first read: most schemes never read it, and asking n8n for the webhook URL is not free.
		get url() {
			url ??= `${(typeof baseUrl === 'function' ? baseUrl() : baseUrl).split('?')[0]}${queryString(req)}`;
			return url;
		},
		headers: req.headersDistinct ?? req.headers,
		rawBody,
	};
}
