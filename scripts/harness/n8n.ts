// A real n8n with this package installed, on a free loopback port: the one harness that the
// e2e tests, `npm start` and the benchmarks share.
import { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureN8n, installIntoUserFolder, N8nInstall, N8nLine, packPackage } from './install';
import { freePort } from './ports';
import { spawnTracked, stopTracked } from './processes';
import { callJson, logIn, setUpOwner } from './rest';

export interface WorkflowJson {
  name: string;
  nodes: Array<{ name: string; type: string; credentials?: Record<string, { id: string; name: string }> } & Record<string, unknown>>;
  connections: Record<string, unknown>;
  settings?: Record<string, unknown>;
  active?: boolean;
}

export interface CredentialSpec {
  name: string;
  type: string;
  data: Record<string, unknown>;
}

export interface StartOptions {
  /** '2' = n8n 2.41.1 on Node 24 (default, or N8N_LINE), '1' = n8n 1.123.x on the machine's Node 20. */
  line?: N8nLine;
  port?: number;
  env?: Record<string, string>;
  /** Created before the workflows; workflow nodes referring to a credential type get its id. */
  credentials?: CredentialSpec[];
  /** Imported after start; those with `active !== false` are published (activated). */
  workflows?: WorkflowJson[];
  /** Install the packed package (default true). */
  withPackage?: boolean;
  /** Print n8n's output as it comes (npm start). */
  echo?: boolean;
  /**
   * Restart: run on the user folder of a stopped instance (its database, installed package and owner are
   * kept; the owner signs in again). Workflows and credentials given here are added to those already there.
   */
  userFolder?: string;
}

export interface N8nInstance {
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
  webhookUrl(webhookPath: string): string;
  /** Public API (`/api/v1`). */
  api<T = any>(method: string, apiPath: string, body?: unknown): Promise<T>;
  /** Internal REST API with the owner's session (`/rest`, `/types`). */
  rest<T = any>(method: string, restPath: string, body?: unknown): Promise<T>;
  log(): string;
  stop(): Promise<void>;
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

async function waitForReady(url: string, child: ChildProcess, log: () => string, timeoutMs = 180000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`n8n exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${log().slice(-4000)}`);
    }
    try {
      // 1.x reports ready before its REST routes are mounted; wait for both.
      const ready = await fetch(`${url}/healthz/readiness`);
      if (ready.ok && (await fetch(`${url}/rest/settings`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`n8n was not ready within ${timeoutMs / 1000} s:\n${log().slice(-4000)}`);
}

/**
 * n8n 2.x publishes through an outbox: triggers and webhooks go live a moment after the activate
 * call returns. Wait until every trigger is live, and fail loudly when one could not start.
 * (1.x activates synchronously and has no publication-status endpoint.)
 */
async function waitForPublication(url: string, cookie: string, id: string, name: string, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${url}/rest/workflows/${id}/publication-status`, { headers: { cookie } });
    if (res.status === 404) return;
    const { data } = (await res.json()) as { data: { status: string; triggers?: unknown } };
    if (data.status === 'published') return;
    if (data.status === 'failed' || data.status === 'partial') {
      throw new Error(`workflow "${name}" could not be published: ${JSON.stringify(data.triggers)}`);
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

function linkCredentials(wf: WorkflowJson, ids: Record<string, string>, names: Record<string, string>): WorkflowJson {
  return {
    ...wf,
    nodes: wf.nodes.map((node) => {
      if (typeof node.webhookId === 'string' && !UUID.test(node.webhookId)) {
        node = { ...node, webhookId: webhookIdFor(wf, node.name) };
      }
      if (!node.credentials) return node;
      const credentials = Object.fromEntries(
        Object.entries(node.credentials).map(([type, ref]) =>
          ids[type] ? [type, { id: ids[type], name: names[type] }] : [type, ref],
        ),
      );
      return { ...node, credentials };
    }),
  };
}

export async function startN8n(options: StartOptions = {}): Promise<N8nInstance> {
  const line = options.line ?? ((process.env.N8N_LINE as N8nLine | undefined) || '2');
  const install: N8nInstall = ensureN8n(line);
  const restarting = options.userFolder !== undefined;
  const userFolder = options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), `revops-n8n${line}-`));
  if (options.withPackage !== false && !restarting) installIntoUserFolder(userFolder, packPackage(), install.nodeBin);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  // The task broker (Code node runners) listens on a fixed 5679 by default: one per instance here,
  // so tests, benchmarks and `npm start` can run side by side.
  const brokerPort = await freePort();

  let output = '';
  const logFile = fs.createWriteStream(path.join(userFolder, 'n8n.log'));
  const child = spawnTracked(path.join(install.nodeBin, 'node'), [install.n8nBin, 'start'], {
    cwd: userFolder,
    env: {
      ...process.env,
      ...QUIET_ENV,
      PATH: `${install.nodeBin}:${process.env.PATH}`,
      N8N_USER_FOLDER: userFolder,
      N8N_PORT: String(port),
      N8N_LISTEN_ADDRESS: '127.0.0.1',
      N8N_RUNNERS_BROKER_PORT: String(brokerPort),
      N8N_HOST: '127.0.0.1',
      WEBHOOK_URL: `${url}/`,
      // 1.123.x defaults to the isolated-vm expression engine, whose native module needs Node ≥ 22;
      // on the Node 20 that line runs on, the legacy engine is the one that works.
      ...(line === '1' ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
      N8N_EDITOR_BASE_URL: `${url}/`,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    logFile.write(chunk);
    if (options.echo) process.stdout.write(chunk);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const log = () => output;

  const stop = async () => {
    await stopTracked(child);
    logFile.end();
  };

  try {
    await waitForReady(url, child, log);
    const { cookie, apiKey } = restarting ? await logIn(url) : await setUpOwner(url);
    const api = async <T>(method: string, apiPath: string, body?: unknown) =>
      (await callJson<T>(`${url}/api/v1${apiPath}`, { method, body, headers: { 'X-N8N-API-KEY': apiKey } })).data;
    const rest = async <T>(method: string, restPath: string, body?: unknown) =>
      (await callJson<T>(`${url}${restPath}`, { method, body, headers: { cookie } })).data;

    const credentialIds: Record<string, string> = {};
    const credentialNames: Record<string, string> = {};
    for (const spec of options.credentials ?? []) {
      const created = await api<{ id: string }>('POST', '/credentials', spec);
      credentialIds[spec.type] = created.id;
      credentialNames[spec.type] = spec.name;
    }
    const workflowIds: Record<string, string> = {};
    for (const wf of options.workflows ?? []) {
      const { name, nodes, connections, settings } = linkCredentials(wf, credentialIds, credentialNames);
      const created = await api<{ id: string }>('POST', '/workflows', { name, nodes, connections, settings: settings ?? {} });
      workflowIds[name] = created.id;
      if (wf.active !== false) await api('POST', `/workflows/${created.id}/activate`);
    }
    for (const wf of options.workflows ?? []) {
      if (wf.active !== false) await waitForPublication(url, cookie, workflowIds[wf.name], wf.name);
    }
    return {
      url,
      port,
      pid: child.pid!,
      line,
      version: install.version,
      userFolder,
      apiKey,
      cookie,
      workflowIds,
      credentialIds,
      webhookUrl: (webhookPath) => `${url}/webhook/${webhookPath.replace(/^\//, '')}`,
      api,
      rest,
      log,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
