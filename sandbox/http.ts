// Tiny HTTP toolkit for the sandbox: a path router, body reading and send helpers.
// node:http only, so the sandbox starts in milliseconds and adds nothing to install.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Headers = Record<string, string | number>;

export interface Ctx {
	req: IncomingMessage;
	res: ServerResponse;
	method: string;
	/** Path below the system prefix, e.g. `/crm/v3/objects/companies` for `/hubspot/crm/...`. */
	path: string;
	query: URLSearchParams;
	params: Record<string, string>;
	rawBody: Buffer;
	/** Set by middleware (HubSpot: the token that authenticated the call). */
	token?: string;
}

export type Handler = (ctx: Ctx) => void | Promise<void>;

/** Thrown by handlers; each system turns it into its own error format. */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly body?: unknown,
		readonly headers: Headers = {},
	) {
		super(message);
	}
}

interface Route {
	method: string;
	segments: string[];
	handler: Handler;
}

export type RouteMatch =
	| { handler: Handler; params: Record<string, string> }
	| { allowed: string[] }
	| undefined;

/** Matches `/a/:b/c` patterns; a trailing `*name` segment captures the rest of the path. */
export class Router {
	private readonly routes: Route[] = [];

	add(method: string, pattern: string, handler: Handler): this {
		this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
		return this;
	}

	get(pattern: string, handler: Handler) {
		return this.add('GET', pattern, handler);
	}
	post(pattern: string, handler: Handler) {
		return this.add('POST', pattern, handler);
	}
	put(pattern: string, handler: Handler) {
		return this.add('PUT', pattern, handler);
	}
	patch(pattern: string, handler: Handler) {
		return this.add('PATCH', pattern, handler);
	}
	delete(pattern: string, handler: Handler) {
		return this.add('DELETE', pattern, handler);
	}

	match(method: string, path: string): RouteMatch {
		const parts = path.split('/').filter(Boolean);
		const allowed: string[] = [];
		for (const route of this.routes) {
			const params = matchSegments(route.segments, parts);
			if (!params) continue;
			if (route.method === method) return { handler: route.handler, params };
			allowed.push(route.method);
		}
		return allowed.length ? { allowed } : undefined;
	}
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
	const params: Record<string, string> = {};
	for (let i = 0; i < segments.length; i++) {
		const seg = segments[i];
		if (seg.startsWith('*')) {
			params[seg.slice(1)] = parts.slice(i).map(decodeURIComponent).join('/');
			return params;
		}
		const part = parts[i];
		if (part === undefined) return undefined;
		if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(part);
		else if (seg !== part) return undefined;
	}
	return parts.length === segments.length ? params : undefined;
}

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new HttpError(413, 'Request body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** Parses the body as JSON; `undefined` for an empty body, HttpError 400 when malformed. */
export function jsonBody<T = unknown>(ctx: Ctx): T | undefined {
	if (ctx.rawBody.length === 0) return undefined;
	const text = ctx.rawBody.toString('utf8');
	const type = String(ctx.req.headers['content-type'] ?? '');
	// Slack takes form-encoded bodies too (a `payload` field holding JSON, or plain fields), and
	// `curl -d '{...}'` sends JSON labelled as a form: try JSON first, as Slack does.
	if (type.startsWith('application/x-www-form-urlencoded')) {
		const form = new URLSearchParams(text);
		const payload = form.get('payload');
		if (payload !== null) return parseJson<T>(payload);
		try {
			return JSON.parse(text) as T;
		} catch {
			return Object.fromEntries(form) as T;
		}
	}
	return parseJson<T>(text);
}

function parseJson<T>(text: string): T {
	try {
		return JSON.parse(text) as T;
	} catch (error) {
		throw new HttpError(400, `Invalid input JSON: ${(error as Error).message}`);
	}
}

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Headers = {},
) {
	const payload = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json;charset=utf-8',
		'Content-Length': Buffer.byteLength(payload),
		...headers,
	});
	res.end(payload);
}

export function sendText(
	res: ServerResponse,
	status: number,
	text: string,
	headers: Headers = {},
	contentType = 'text/plain;charset=utf-8',
) {
	res.writeHead(status, {
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Headers = {}) {
	res.writeHead(status, { 'Content-Length': 0, ...headers });
	res.end();
}

export function bearerToken(req: IncomingMessage): string | undefined {
	const auth = req.headers.authorization;
	if (!auth) return undefined;
	const match = /^Bearer\s+(.+)$/i.exec(auth.trim());
	return match ? match[1].trim() : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
