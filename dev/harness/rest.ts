// The two HTTP faces of a running n8n the harness needs: the internal REST API (owner session
// cookie; used once to set up the owner and an API key, and for editor-only data such as node
// types) and the public API (`/api/v1`, X-N8N-API-KEY) for workflows, credentials, executions.

export class N8nHttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: string,
		where: string,
	) {
		super(`${where} answered ${status}: ${body.slice(0, 500)}`);
	}
}

export const OWNER = {
	email: 'owner@revops.local',
	firstName: 'Rev',
	lastName: 'Ops',
	password: 'Sandbox-Owner-1',
};

export async function callJson<T>(
	url: string,
	init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; data: T; headers: Headers }> {
	const response = await fetch(url, {
		method: init.method ?? 'GET',
		headers: { 'content-type': 'application/json', ...init.headers },
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	const text = await response.text();
	if (!response.ok) throw new N8nHttpError(response.status, text, `${init.method ?? 'GET'} ${url}`);
	return {
		status: response.status,
		data: (text ? JSON.parse(text) : undefined) as T,
		headers: response.headers,
	};
}

/** Creates the instance owner and a public-API key holding every scope the instance offers. */
export async function setUpOwner(baseUrl: string): Promise<{ cookie: string; apiKey: string }> {
	const setup = await callJson<unknown>(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		body: OWNER,
	});
	return await withApiKey(baseUrl, setup.headers);
}

/** Signs the existing owner in (an instance restarted on the same user folder) and makes a fresh API key. */
export async function logIn(baseUrl: string): Promise<{ cookie: string; apiKey: string }> {
	const login = await callJson<unknown>(`${baseUrl}/rest/login`, {
		method: 'POST',
		body: { emailOrLdapLoginId: OWNER.email, password: OWNER.password },
	});
	return await withApiKey(baseUrl, login.headers);
}

async function withApiKey(
	baseUrl: string,
	sessionHeaders: Headers,
): Promise<{ cookie: string; apiKey: string }> {
	const cookie = sessionHeaders
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	const headers = { cookie };
	let scopes: string[] | undefined;
	try {
		scopes = (await callJson<{ data: string[] }>(`${baseUrl}/rest/api-keys/scopes`, { headers }))
			.data.data;
	} catch {
		scopes = undefined; // older 1.x: keys carry every scope implicitly
	}
	const key = await callJson<{ data: { rawApiKey?: string; apiKey: string } }>(
		`${baseUrl}/rest/api-keys`,
		{
			method: 'POST',
			headers,
			// Labels must differ between keys of one user; a restarted instance already has one.
			body: {
				label: `revops-harness-${Date.now()}`,
				expiresAt: null,
				...(scopes ? { scopes } : {}),
			},
		},
	);
	return { cookie, apiKey: key.data.data.rawApiKey ?? key.data.data.apiKey };
}
