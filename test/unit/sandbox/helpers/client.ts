// What a client of the sandbox sees: status, headers and the parsed body of one HTTP call.
import { startSandbox, type Sandbox } from '../../../../sandbox/server';

export interface Reply {
	status: number;
	headers: Headers;
	text: string;
	body: any;
}

export async function call(
	url: string,
	method: string,
	body?: unknown,
	headers: Record<string, string> = {},
): Promise<Reply> {
	const response = await fetch(url, {
		method,
		headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await response.text();
	let parsed: unknown = text;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		// Plain-text answers (Slack webhooks) stay text.
	}
	return { status: response.status, headers: response.headers, text, body: parsed };
}

export type Api = (
	method: string,
	path: string,
	body?: unknown,
	headers?: Record<string, string>,
) => Promise<Reply>;

export const hubspotApi =
	(sb: Sandbox, token = 'pat-sandbox'): Api =>
	(method, path, body, headers = {}) =>
		call(`${sb.hubspotUrl}${path}`, method, body, { authorization: `Bearer ${token}`, ...headers });

export const adminApi =
	(sb: Sandbox): Api =>
	(method, path, body, headers) =>
		call(`${sb.adminUrl}${path}`, method, body, headers);

/** A sandbox on a free port with a fake clock tests move by hand. */
export async function startTestSandbox(): Promise<Sandbox & { tick(ms: number): void }> {
	let now = Date.parse('2025-03-01T12:00:00.000Z');
	const sb = await startSandbox({ port: 0, now: () => now });
	return Object.assign(sb, { tick: (ms: number) => void (now += ms) });
}

export interface TestSandbox {
	sb: Sandbox & { tick(ms: number): void };
	hs: Api;
	admin: Api;
}

/**
 * One sandbox per test file (free port, fake clock), closed after the file; reset before each
 * test, or once when `resetEach` is false. `hubspotLimits: false` keeps 429s out of tests that
 * are not about rate limits.
 */
export function useSandbox(
	options: { hubspotLimits?: boolean; resetEach?: boolean } = {},
): TestSandbox {
	const t = {} as TestSandbox;
	beforeAll(async () => {
		t.sb = await startTestSandbox();
		t.hs = hubspotApi(t.sb);
		t.admin = adminApi(t.sb);
	});
	afterAll(() => t.sb.close());
	const reset = () => {
		t.sb.state.reset();
		if (options.hubspotLimits === false) t.sb.state.hubspot.rateLimits.defaults.enabled = false;
	};
	if (options.resetEach === false) beforeAll(reset);
	else beforeEach(reset);
	return t;
}
