// A webhook request signed the way its real sender signs it (nodes/shared/signatures, the code the Signed
// Webhook node verifies with), for the demos of the signed templates and their e2e tests.
import { signRequest, type SchemeName } from '../../nodes/shared/signatures';
import type { Sandbox } from '../../sandbox/server';
import { SANDBOX_WEBHOOK_SECRET } from './credentials';
import { sandboxAdmin as adminCall } from './support';

export interface SignedRequest {
	url: string;
	headers: Record<string, string>;
	body: string;
}

export interface SignOptions {
	/** Default: the sandbox secret every signed template's credential holds. */
	secret?: string;
	/** Event id (Standard Webhooks `webhook-id`); default random. */
	id?: string;
	/** Signing time in seconds; default now. */
	timestamp?: number;
}

/** `payload` as JSON, signed for `url` exactly as n8n receives it (HubSpot v3 signs the URL). */
export function signedRequest(
	scheme: SchemeName,
	url: string,
	payload: unknown,
	options: SignOptions = {},
): SignedRequest {
	const body = JSON.stringify(payload);
	const headers = signRequest(scheme, options.secret ?? SANDBOX_WEBHOOK_SECRET, {
		body,
		url,
		method: 'POST',
		id: options.id,
		timestamp: options.timestamp,
	});
	return { url, body, headers: { 'content-type': 'application/json', ...headers } };
}

export interface Answer {
	status: number;
	body: unknown;
}

export async function send(request: SignedRequest): Promise<Answer> {
	const response = await fetch(request.url, {
		method: 'POST',
		headers: request.headers,
		body: request.body,
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// not JSON: keep the text
	}
	return { status: response.status, body };
}

/**
 * The sandbox admin API by its URL (sandbox/README.md); throws on a non-2xx answer. Same as support.ts's
 * sandboxAdmin, for callers that hold only the admin URL.
 */
export async function sandboxAdmin<T = unknown>(
	adminUrl: string,
	method: string,
	path: string,
	body?: unknown,
): Promise<T> {
	return await adminCall<T>({ adminUrl } as Sandbox, method, path, body);
}
