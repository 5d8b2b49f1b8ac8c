// A real n8n with this package installed, on a free loopback port: the one harness that the
// e2e tests, `npm start` and the benchmarks share.
import { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureN8n, installIntoUserFolder, N8nInstall, N8nLine, packPackage } from './install';
import { freePort } from './ports';
import { killTracked, spawnTracked, stopTracked } from './processes';
import { redisSubscribers, startPostgres, startRedis } from '../services';
import { callJson, logIn, setUpOwner } from './rest';

export interface WorkflowJson {
	/** The exported id: other workflows' references to it are rewritten to the id n8n assigns. */
	id?: string;
	name: string;
	nodes: Array<
		{
			name: string;
			type: string;
			credentials?: Record<string, { id: string; name: string }>;
		} & Record<string, unknown>
	>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	active?: boolean;
}

export interface CredentialSpec {
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/**
 * 'single': one `n8n start` on SQLite. 'queue': n8n's queue mode on a private PostgreSQL and Redis — one main
 * (`n8n start`, editor and APIs, no production webhooks), one webhook processor (`n8n webhook`, where
 * `webhookUrl()` points) and two workers (`n8n worker`), all sharing the user folder and so the package.
 */
export type N8nMode = 'single' | 'queue';

export interface StartOptions {
	/** Default: N8N_MODE, else 'single'. */
	mode?: N8nMode;
	/** '2' = n8n 2.41.1 on Node 24 (default, or N8N_LINE), '1' = n8n 1.123.x on the machine's Node 20. */
	line?: N8nLine;
	port?: number;
	env?: Record<string, string>;
	/**
	 * Created before the workflows; workflow nodes referring to a credential type get its id. A function gets
	 * the instance's URL and API key first (for a credential of n8n's own API).
	 */
	credentials?:
		| CredentialSpec[]
		| ((n8n: { url: string; apiKey: string; webhookBase: string }) => CredentialSpec[]);
	/** Imported after start; those with `active !== false` are published (activated). */
	workflows?: WorkflowJson[];
	/** Install the packed package (default true). */
	withPackage?: boolean;
	/** Queue mode: how many `n8n worker` processes (default 2). */
	workers?: number;
	/** Print n8n's output as it comes (npm start). */
	echo?: boolean;
	/**
	 * Restart: run on the user folder of a stopped instance (its database, installed package and owner are
	 * kept; the owner signs in again). Workflows and credentials given here are added to those already there.
	 */
	userFolder?: string;
}

/** One n8n process of an instance. */
export interface N8nProcess {
	/** 'main', 'webhook', 'worker-1', 'worker-2'. */
	name: string;
	pid: number;
	child: ChildProcess;
	/** Its own output (also in `<user folder>/n8n[-name].log`). */
	log(): string;
}

export interface N8nInstance {
	mode: N8nMode;
	/** The main process: editor, REST and public API. */
	url: string;
	port: number;
	/** n8n's pid, also its process group (task runners included): for memory sampling. */
	pid: number;
	line: N8nLine;
	version: string;
	userFolder: string;
	apiKey: string;
	cookie: string;
	workflowIds: Record<string, string>;
	credentialIds: Record<string, string>;
	/** Production webhook URL (the webhook processor's in queue mode). */
	webhookUrl(webhookPath: string): string;
	/** Every n8n process, main first; in queue mode then the webhook processor and the workers. */
	processes: N8nProcess[];
	/** Queue mode: the worker processes (empty in single mode). */
	workers: N8nProcess[];
	/** Queue mode: PostgreSQL and Redis (name, pid; each leads its process group). */
	services: Array<{ name: string; pid: number }>;
	/** SIGKILLs worker `i` (and its task runner) as a crash would, and waits until it is gone. */
	killWorker(i: number): Promise<void>;
	/** Public API (`/api/v1`). */
	api<T = any>(method: string, apiPath: string, body?: unknown): Promise<T>;
	/** Internal REST API with the owner's session (`/rest`, `/types`). */
	rest<T = any>(method: string, restPath: string, body?: unknown): Promise<T>;
	/** All processes' output, main first. */
	log(): string;
	/**
	 * Stops every n8n process, then (queue mode) Redis and PostgreSQL, and removes the user folder and the
	 * cluster — unless `keep`: the data stays to start again on it with `userFolder`.
	 */
	stop(options?: { keep?: boolean }): Promise<void>;
}

const QUIET_ENV = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
	N8N_SECURE_COOKIE: 'false',
	N8N_LOG_LEVEL: 'info',
	N8N_LOG_OUTPUT: 'console',
	DB_SQLITE_POOL_SIZE: '2',
	// jest sets NODE_ENV=test, under which n8n exits silently at start.
	NODE_ENV: 'production',
};

/**
 * Main and webhook processes learn that a job finished from Bull's `progress` pub/sub channel, which they
 * subscribe to asynchronously after reporting ready: a job that finishes before that is never seen and its
 * `lastNode` response hangs. So the instance is ready only when both are subscribed.
 */
async function waitForJobListeners(redisPort: number, expected: number, timeoutMs = 60000) {
	const deadline = Date.now() + timeoutMs;
	const channel = 'bull:jobs:progress';
	while (Date.now() < deadline) {
		if ((await redisSubscribers(redisPort, channel)) >= expected) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(
		`queue mode: fewer than ${expected} n8n processes subscribed to ${channel} after ${timeoutMs} ms`,
	);
}

async function waitForReady(
	{ url, child, log, name }: N8nProcess & { url: string },
	paths: string[],
	timeoutMs = 180000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(
				`n8n ${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${log().slice(-4000)}`,
			);
		}
		try {
			// 1.x reports ready before its REST routes are mounted; the main process waits for both.
			let ok = true;
			for (const p of paths) ok &&= (await fetch(`${url}${p}`)).ok;
			if (ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`n8n ${name} was not ready within ${timeoutMs / 1000} s:\n${log().slice(-4000)}`);
}

/**
 * n8n 2.x publishes through an outbox: triggers and webhooks go live a moment after the activate
 * call returns. Wait until every trigger is live, and fail loudly when one could not start.
 * (1.x activates synchronously and has no publication-status endpoint.)
 */
async function waitForPublication(
	url: string,
	cookie: string,
	id: string,
	name: string,
	timeoutMs = 60000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const res = await fetch(`${url}/rest/workflows/${id}/publication-status`, {
			headers: { cookie },
		});
		if (res.status === 404) return;
		const { data } = (await res.json()) as { data: { status: string; triggers?: unknown } };
		if (data.status === 'published') return;
		if (data.status === 'failed' || data.status === 'partial') {
			throw new Error(
				`workflow "${name}" could not be published: ${JSON.stringify(data.triggers)}`,
			);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`workflow "${name}" was not published within ${timeoutMs / 1000} s`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** n8n only registers production webhooks whose node has a UUID webhookId; derive a stable one. */
function webhookIdFor(wf: WorkflowJson, nodeName: string): string {
	const h = createHash('sha256').update(`${wf.name}/${nodeName}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Points each node's credential reference at the credential created for it: the one of that type and
 * name when the reference names one (several credentials of a type), else the last of that type.
 */
function linkCredentials(
	wf: WorkflowJson,
	ids: Record<string, string>,
	names: Record<string, string>,
	idsByName: Record<string, string>,
): WorkflowJson {
	return {
		...wf,
		nodes: wf.nodes.map((node) => {
			if (typeof node.webhookId === 'string' && !UUID.test(node.webhookId)) {
				node = { ...node, webhookId: webhookIdFor(wf, node.name) };
			}
			if (!node.credentials) return node;
			const credentials = Object.fromEntries(
				Object.entries(node.credentials).map(([type, ref]) => {
					const named = idsByName[`${type}/${ref.name}`];
					if (named) return [type, { id: named, name: ref.name }];
					return ids[type] ? [type, { id: ids[type], name: names[type] }] : [type, ref];
				}),
			);
			return { ...node, credentials };
		}),
	};
}

/**
 * The workflow with its references to other workflows' exported ids (settings.errorWorkflow, an Execute
 * Workflow node's workflowId) replaced by the ids n8n gave them; the same object when nothing refers.
 */
function relinkWorkflowIds(wf: WorkflowJson, newIds: Record<string, string>): WorkflowJson {
	let changed = false;
	const swap = (id: unknown) => {
		if (typeof id === 'string' && newIds[id] && newIds[id] !== id) {
			changed = true;
			return newIds[id];
		}
		return id;
	};
	const settings = wf.settings
		? { ...wf.settings, errorWorkflow: swap(wf.settings.errorWorkflow) }
		: wf.settings;
	if (settings && settings.errorWorkflow === undefined) delete settings.errorWorkflow;
	const nodes = wf.nodes.map((node) => {
		const parameters = node.parameters as Record<string, unknown> | undefined;
		const ref = parameters?.workflowId;
		if (!ref) return node;
		const workflowId =
			typeof ref === 'object'
				? { ...(ref as object), value: swap((ref as { value?: unknown }).value) }
				: swap(ref);
		return { ...node, parameters: { ...parameters, workflowId } };
	});
	return changed ? { ...wf, settings, nodes } : wf;
}

/** Queue mode's shared backing services; their folder and the encryption key are kept for a restart. */
async function startQueueServices(userFolder: string) {
	const stateFile = path.join(userFolder, 'queue-mode.json');
	const saved = fs.existsSync(stateFile)
		? (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as {
				postgresDir: string;
				encryptionKey: string;
			})
		: undefined;
	const [pg, rd] = await Promise.allSettled([startPostgres(saved?.postgresDir), startRedis()]);
	if (pg.status === 'rejected' || rd.status === 'rejected') {
		await Promise.all([
			pg.status === 'fulfilled' && pg.value.stop(),
			rd.status === 'fulfilled' && rd.value.stop(),
		]);
		throw pg.status === 'rejected' ? pg.reason : (rd as PromiseRejectedResult).reason;
	}
	const [postgres, redis] = [pg.value, rd.value];
	const encryptionKey = saved?.encryptionKey ?? randomBytes(24).toString('hex');
	fs.writeFileSync(stateFile, JSON.stringify({ postgresDir: postgres.dir, encryptionKey }));
	const env = {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		DB_POSTGRESDB_DATABASE: postgres.database,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		N8N_ENCRYPTION_KEY: encryptionKey,
		// Production webhooks are the webhook processor's; the main process answers only test webhooks.
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
	};
	const stop = async (options: { keep?: boolean } = {}) => {
		await Promise.all([redis.stop(), postgres.stop(options)]);
	};
	const pids = [
		{ name: 'postgres', pid: postgres.pid },
		{ name: 'redis', pid: redis.pid },
	];
	return { env, stop, pids, redisPort: redis.port };
}

export async function startN8n(options: StartOptions = {}): Promise<N8nInstance> {
	const line = options.line ?? ((process.env.N8N_LINE as N8nLine | undefined) || '2');
	const mode: N8nMode = options.mode ?? (process.env.N8N_MODE === 'queue' ? 'queue' : 'single');
	const install: N8nInstall = ensureN8n(line);
	const restarting = options.userFolder !== undefined;
	const userFolder =
		options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), `revops-n8n${line}-`));
	if (options.withPackage !== false && !restarting)
		installIntoUserFolder(userFolder, packPackage(), install.nodeBin);
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const services = mode === 'queue' ? await startQueueServices(userFolder) : undefined;
	const webhookBase = services ? `http://127.0.0.1:${await freePort()}` : url;

	const baseEnv: Record<string, string | undefined> = {
		...process.env,
		...QUIET_ENV,
		PATH: `${install.nodeBin}:${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		WEBHOOK_URL: `${webhookBase}/`,
		// 1.123.x defaults to the isolated-vm expression engine, whose native module needs Node ≥ 22;
		// on the Node 20 that line runs on, the legacy engine is the one that works.
		...(line === '1' ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
		N8N_EDITOR_BASE_URL: `${url}/`,
		...services?.env,
		...options.env,
	};
	const processes: N8nProcess[] = [];
	const logs: fs.WriteStream[] = [];
	/** Starts one n8n process and resolves when it answers on `listenPort`'s readiness paths. */
	const launch = async (
		name: string,
		args: string[],
		listenPort: number,
		paths: string[],
		env: Record<string, string> = {},
	) => {
		let output = '';
		const logFile = fs.createWriteStream(
			path.join(userFolder, name === 'main' ? 'n8n.log' : `n8n-${name}.log`),
			{ flags: 'a' },
		);
		logs.push(logFile);
		const child = spawnTracked(path.join(install.nodeBin, 'node'), [install.n8nBin, ...args], {
			cwd: userFolder,
			// The task broker (Code node runners) listens on a fixed 5679 by default: one per process here,
			// so instances, their processes, benchmarks and `npm start` can run side by side.
			env: { ...baseEnv, N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const collect = (chunk: Buffer) => {
			output += chunk.toString();
			logFile.write(chunk);
			if (options.echo) process.stdout.write(chunk);
		};
		child.stdout!.on('data', collect);
		child.stderr!.on('data', collect);
		const proc: N8nProcess = { name, pid: child.pid!, child, log: () => output };
		processes.push(proc);
		await waitForReady({ ...proc, url: `http://127.0.0.1:${listenPort}` }, paths);
	};
	const log = () => processes.map((p) => p.log()).join('');

	const stop = async (options: { keep?: boolean } = {}) => {
		await Promise.all(processes.map((p) => stopTracked(p.child)));
		for (const logFile of logs) logFile.end();
		await services?.stop(options);
		// ~80 MB each (SQLite, the installed package, logs): a test run starts dozens.
		if (!options.keep) fs.rmSync(userFolder, { recursive: true, force: true });
	};

	try {
		await launch('main', ['start'], port, ['/healthz/readiness', '/rest/settings'], {
			N8N_PORT: String(port),
		});
		if (services) {
			// After the main process, which runs the database migrations.
			const webhookPort = Number(new URL(webhookBase).port);
			const workerPorts: number[] = [];
			for (let i = 0; i < (options.workers ?? 2); i++) workerPorts.push(await freePort());
			await Promise.all([
				launch('webhook', ['webhook'], webhookPort, ['/healthz/readiness'], {
					N8N_PORT: String(webhookPort),
				}),
				...workerPorts.map((p, i) =>
					launch(`worker-${i + 1}`, ['worker'], p, ['/healthz/readiness'], {
						QUEUE_HEALTH_CHECK_PORT: String(p),
					}),
				),
			]);
			await waitForJobListeners(services.redisPort, 2);
		}
		const { cookie, apiKey } = restarting ? await logIn(url) : await setUpOwner(url);
		const api = async <T>(method: string, apiPath: string, body?: unknown) =>
			(
				await callJson<T>(`${url}/api/v1${apiPath}`, {
					method,
					body,
					headers: { 'X-N8N-API-KEY': apiKey },
				})
			).data;
		const rest = async <T>(method: string, restPath: string, body?: unknown) =>
			(await callJson<T>(`${url}${restPath}`, { method, body, headers: { cookie } })).data;

		const credentialIds: Record<string, string> = {};
		const credentialNames: Record<string, string> = {};
		const credentialIdsByName: Record<string, string> = {};
		const specs =
			typeof options.credentials === 'function'
				? options.credentials({ url, apiKey, webhookBase })
				: (options.credentials ?? []);
		for (const spec of specs) {
			const created = await api<{ id: string }>('POST', '/credentials', spec);
			credentialIds[spec.type] = created.id;
			credentialNames[spec.type] = spec.name;
			credentialIdsByName[`${spec.type}/${spec.name}`] = created.id;
		}
		const workflowIds: Record<string, string> = {};
		const linked = (options.workflows ?? []).map((wf) =>
			linkCredentials(wf, credentialIds, credentialNames, credentialIdsByName),
		);
		for (const wf of linked) {
			const { name, nodes, connections, settings } = wf;
			const created = await api<{ id: string }>('POST', '/workflows', {
				name,
				nodes,
				connections,
				settings: settings ?? {},
			});
			workflowIds[name] = created.id;
		}
		// Templates refer to each other by their exported ids (error workflow, Execute Workflow); n8n gives
		// imported workflows new ids, so those references are rewritten once every id is known.
		const newIds = Object.fromEntries(
			linked.filter((wf) => wf.id).map((wf) => [wf.id as string, workflowIds[wf.name]]),
		);
		for (const wf of linked) {
			const relinked = relinkWorkflowIds(wf, newIds);
			if (relinked !== wf) {
				const { name, nodes, connections, settings } = relinked;
				await api('PUT', `/workflows/${workflowIds[wf.name]}`, {
					name,
					nodes,
					connections,
					settings: settings ?? {},
				});
			}
		}
		for (const wf of linked) {
			if (wf.active !== false) await api('POST', `/workflows/${workflowIds[wf.name]}/activate`);
		}
		for (const wf of options.workflows ?? []) {
			if (wf.active !== false) await waitForPublication(url, cookie, workflowIds[wf.name], wf.name);
		}
		const workers = processes.filter((p) => p.name.startsWith('worker'));
		return {
			mode,
			url,
			port,
			pid: processes[0].pid,
			line,
			version: install.version,
			userFolder,
			apiKey,
			cookie,
			workflowIds,
			credentialIds,
			webhookUrl: (webhookPath) => `${webhookBase}/webhook/${webhookPath.replace(/^\//, '')}`,
			processes,
			workers,
			services: services?.pids ?? [],
			killWorker: (i) => killTracked(workers[i].child),
			api,
			rest,
			log,
			stop,
		};
	} catch (error) {
		// Kept: its n8n.log says why it did not start.
		await stop({ keep: true });
		throw error;
	}
}
