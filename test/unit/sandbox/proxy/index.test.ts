// The sandbox as an HTTPS proxy for the real hosts: what a client configured with proxyEnv() sees.
// Tunnels are built by hand (CONNECT, then TLS over the socket) so the test depends on node: only;
// the child-process case checks that NODE_EXTRA_CA_CERTS alone makes Node trust the sandbox CA.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { Socket } from 'node:net';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { promisify } from 'node:util';
import { DEFAULT_WEBHOOK_PATH } from '../../../../sandbox/slack/state';
import { useSandbox } from '../helpers/client';

const t = useSandbox();

interface Answer {
	status: number;
	text: string;
	body: any;
}

/** CONNECT authority through the sandbox: the proxy's status and, when 200, the raw tunnel. */
async function connect(authority: string): Promise<{ status: number; socket: Socket }> {
	const req = http.request({
		host: '127.0.0.1',
		port: t.sb.port,
		method: 'CONNECT',
		path: authority,
		headers: { host: authority },
	});
	req.end();
	const [res, socket] = (await once(req, 'connect')) as [http.IncomingMessage, Socket];
	return { status: res.statusCode ?? 0, socket };
}

/** TLS to `servername` over an open tunnel; trusts `ca` (default: Node's roots only). */
async function handshake(socket: Socket, servername: string, ca?: string): Promise<tls.TLSSocket> {
	const secure = tls.connect({
		socket,
		servername,
		...(ca ? { ca: [...tls.rootCertificates, ca] } : {}),
	});
	await once(secure, 'secureConnect');
	return secure;
}

/** One HTTPS request to https://host/path the way a proxied client sends it, trusting the sandbox CA. */
async function viaProxy(
	host: string,
	urlPath: string,
	init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
	const { status, socket } = await connect(`${host}:443`);
	expect(status).toBe(200);
	const secure = await handshake(socket, host, t.sb.proxy.ca.certPem);
	const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
	const req = http.request({
		method: init.method ?? 'GET',
		path: urlPath,
		headers: {
			host,
			...(payload ? { 'content-type': 'application/json' } : {}),
			...init.headers,
		},
		createConnection: () => secure,
	});
	req.end(payload);
	const [res] = (await once(req, 'response')) as [http.IncomingMessage];
	let text = '';
	for await (const chunk of res) text += chunk;
	secure.destroy();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// Slack webhooks answer plain text.
	}
	return { status: res.statusCode ?? 0, text, body };
}

const slackMessages = async (channel: string) =>
	(await t.admin('GET', `/slack/messages?channel=${channel}`)).body.results;
const requestLog = async (query: string) =>
	(await t.admin('GET', `/requests?${query}`)).body.results;

describe('sandbox HTTPS proxy', () => {
	it('delivers https://slack.com/api/chat.postMessage into the sandbox Slack and logs it like a direct call', async () => {
		const answer = await viaProxy('slack.com', '/api/chat.postMessage', {
			method: 'POST',
			headers: { authorization: 'Bearer xoxb-sandbox' },
			body: { channel: '#high-intent', text: 'Acme is surging' },
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({ ok: true, message: { text: 'Acme is surging' } });
		expect(await slackMessages('high-intent')).toEqual([
			expect.objectContaining({
				channelName: 'high-intent',
				text: 'Acme is surging',
				via: 'chat.postMessage',
			}),
		]);
		expect(await requestLog('system=slack')).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: '/slack/api/chat.postMessage',
				status: 200,
				token: 'xoxb-sandbox',
				via: 'https://slack.com',
			}),
		]);
	});

	it('maps hooks.slack.com, api.hubapi.com and api.clay.com onto their sandbox systems', async () => {
		const hook = await viaProxy('hooks.slack.com', `/services/${DEFAULT_WEBHOOK_PATH}`, {
			method: 'POST',
			body: { text: 'from a webhook' },
		});
		expect(hook).toMatchObject({ status: 200, text: 'ok' });
		expect(await slackMessages('general')).toEqual([
			expect.objectContaining({ text: 'from a webhook', via: 'incoming-webhook' }),
		]);

		const created = await viaProxy('api.hubapi.com', '/crm/v3/objects/companies', {
			method: 'POST',
			headers: { authorization: 'Bearer pat-sandbox' },
			body: { properties: { name: 'Acme', domain: 'acme.com' } },
		});
		expect(created.status).toBe(201);
		const direct = await t.hs(
			'GET',
			`/crm/v3/objects/companies/${created.body.id}?properties=domain`,
		);
		expect(direct.body.properties.domain).toBe('acme.com');

		const row = await viaProxy('api.clay.com', '/v3/sources/webhook/default', {
			method: 'POST',
			body: { Domain: 'acme.com' },
		});
		expect(row).toMatchObject({ status: 200, body: { success: true } });
		expect((await t.admin('GET', '/clay/tables/default')).body.rows).toEqual([
			expect.objectContaining({ cells: { Domain: 'acme.com' } }),
		]);

		expect(
			(await requestLog(''))
				.filter((e: { via?: string }) => e.via)
				.map((e: { system: string; path: string; via: string }) => [e.via, e.system, e.path]),
		).toEqual([
			['https://hooks.slack.com', 'slack', `/slack/services/${DEFAULT_WEBHOOK_PATH}`],
			['https://api.hubapi.com', 'hubspot', '/hubspot/crm/v3/objects/companies'],
			['https://api.clay.com', 'clay', '/clay/v3/sources/webhook/default'],
		]);
	});

	it('refuses CONNECT to any other host or port with 403 and logs the refusal', async () => {
		for (const authority of ['example.com:443', 'slack.com:80', 'api.hubapi.com.evil.io:443']) {
			const { status, socket } = await connect(authority);
			socket.destroy();
			expect(status).toBe(403);
		}
		expect(
			(await requestLog('system=proxy')).map(
				(e: { method: string; path: string; status: number }) => [e.method, e.path, e.status],
			),
		).toEqual([
			['CONNECT', 'example.com:443', 403],
			['CONNECT', 'slack.com:80', 403],
			['CONNECT', 'api.hubapi.com.evil.io:443', 403],
		]);
	});

	it('is not trusted by a TLS client without the sandbox CA, nor for another host name', async () => {
		const plain = await connect('slack.com:443');
		const untrusted = tls.connect({ socket: plain.socket, servername: 'slack.com' });
		const [error] = (await once(untrusted, 'error').catch((e) => [e])) as [NodeJS.ErrnoException];
		expect(error.code).toBe('SELF_SIGNED_CERT_IN_CHAIN');

		// The certificate names the host of the tunnel only.
		const other = await connect('slack.com:443');
		const mismatch = tls.connect({
			socket: other.socket,
			servername: 'slack.com',
			ca: t.sb.proxy.ca.certPem,
			checkServerIdentity: (_host, cert) => tls.checkServerIdentity('api.hubapi.com', cert),
		});
		const [wrongName] = (await once(mismatch, 'error').catch((e) => [e])) as [
			NodeJS.ErrnoException,
		];
		expect(wrongName.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
		expect(await slackMessages('general')).toEqual([]);
	});

	it('maps plain-HTTP proxy requests (absolute-form) and refuses other hosts', async () => {
		const send = (target: string, headers: Record<string, string> = {}) =>
			new Promise<{ status: number; text: string }>((resolve, reject) => {
				const req = http.request(
					{
						host: '127.0.0.1',
						port: t.sb.port,
						path: target,
						headers: { host: new URL(target).host, ...headers },
					},
					(res) => {
						let text = '';
						res
							.on('data', (c) => (text += c))
							.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
					},
				);
				req.on('error', reject).end();
			});
		const listed = await send('http://api.hubapi.com/crm/v3/objects/companies?limit=1', {
			authorization: 'Bearer pat-sandbox',
		});
		expect(listed.status).toBe(200);
		expect(JSON.parse(listed.text)).toEqual({ results: [] });
		// The sandbox's own address passes through, for a client that proxies everything.
		expect((await send(`http://127.0.0.1:${t.sb.port}/_sandbox/health`)).status).toBe(200);
		expect((await send('http://example.com/')).status).toBe(403);
		expect(
			(await requestLog('')).map(
				(e: { system: string; path: string; status: number; via?: string }) => [
					e.system,
					e.path,
					e.status,
					e.via,
				],
			),
		).toEqual([
			['hubspot', '/hubspot/crm/v3/objects/companies', 200, 'http://api.hubapi.com'],
			['admin', '/_sandbox/health', 200, undefined],
			['proxy', 'http://example.com/', 403, undefined],
		]);
	});

	it('gives an environment under which a fresh Node process trusts the proxy, and cleans up at close', async () => {
		const env = t.sb.proxyEnv();
		expect(env).toMatchObject({
			HTTPS_PROXY: t.sb.url,
			HTTP_PROXY: t.sb.url,
			NO_PROXY: 'localhost,127.0.0.1,::1',
		});
		const caFile = env.NODE_EXTRA_CA_CERTS;
		expect(fs.readFileSync(caFile, 'utf8')).toBe(t.sb.proxy.ca.certPem);
		// The same certificate for a client elsewhere (a container), from the admin API.
		expect((await t.admin('GET', '/proxy/ca.pem')).text).toBe(t.sb.proxy.ca.certPem);
		// Only the certificate is on disk: the CA's private key stays in memory.
		const folder = path.dirname(caFile);
		expect(fs.readdirSync(folder)).toEqual(['ca.pem']);
		expect(fs.readFileSync(caFile, 'utf8')).not.toMatch(/PRIVATE KEY/);

		// No `ca` option in the child: only NODE_EXTRA_CA_CERTS (read at start) can make it trust the proxy.
		const script = `
			const http = require('node:http'), tls = require('node:tls');
			const req = http.request({ host: '127.0.0.1', port: ${t.sb.port}, method: 'CONNECT', path: 'slack.com:443' });
			req.on('connect', (res, socket) => {
				const body = JSON.stringify({ channel: 'revops-events', text: 'from child' });
				const s = tls.connect({ socket, servername: 'slack.com' }, () => {
					s.write('POST /api/chat.postMessage HTTP/1.1\\r\\nHost: slack.com\\r\\nAuthorization: Bearer xoxb-sandbox\\r\\n' +
						'Content-Type: application/json\\r\\nContent-Length: ' + body.length + '\\r\\nConnection: close\\r\\n\\r\\n' + body);
				});
				let out = ''; s.on('data', (c) => (out += c)); s.on('end', () => console.log(out.split('\\r\\n')[0]));
				s.on('error', (e) => { console.log('error ' + e.code); });
			});
			req.end();`;
		const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
			env: { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: caFile },
		});
		expect(stdout.trim()).toBe('HTTP/1.1 200 OK');
		expect(await slackMessages('revops-events')).toEqual([
			expect.objectContaining({ text: 'from child' }),
		]);
	});
});

describe('sandbox proxy files', () => {
	it('removes the CA folder when the sandbox closes', async () => {
		const { startSandbox } = await import('../../../../sandbox/server');
		const sb = await startSandbox({ port: 0 });
		const folder = path.dirname(sb.proxyEnv().NODE_EXTRA_CA_CERTS);
		// An open tunnel must not keep close() waiting.
		const req = http.request({
			host: '127.0.0.1',
			port: sb.port,
			method: 'CONNECT',
			path: 'slack.com:443',
		});
		req.end();
		const [, socket] = (await once(req, 'connect')) as [http.IncomingMessage, Socket];
		socket.on('error', () => {});
		expect(fs.existsSync(folder)).toBe(true);
		await sb.close();
		expect(fs.existsSync(folder)).toBe(false);
	});
});
