// PostgreSQL and Redis for n8n's queue mode: a private cluster and a private redis-server per instance, on free
// loopback ports, data in temporary folders, started and stopped like n8n itself (tracked process groups, so
// the e2e teardown kills what a failed test left behind). Installed from Debian packages by install.sh.
import { ChildProcess, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../harness/ports';
import { spawnTracked, stopTracked } from '../harness/processes';

export interface Service {
	port: number;
	pid: number;
	child: ChildProcess;
	stop(): Promise<void>;
}

export interface Postgres extends Omit<Service, 'stop'> {
	/** Cluster folder (data/, socket, postgres.log); pass it again to restart on the same data. */
	dir: string;
	user: string;
	database: string;
	/** Stops the server and removes its folder, unless `keep` (to start again on the same data). */
	stop(options?: { keep?: boolean }): Promise<void>;
}

let pgBin: string | undefined;

/** Runs an install script (Debian packages when missing) and returns the last line it printed. */
export function runInstaller(script: string): string {
	return execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
		.trim()
		.split('\n')
		.pop()!;
}

/** Installs the Debian packages when missing (once per process) and returns PostgreSQL's bin folder. */
export function ensureServices(): string {
	pgBin ??= runInstaller(path.join(__dirname, 'install.sh'));
	return pgBin;
}

export async function until(
	what: string,
	child: ChildProcess,
	log: string,
	check: () => Promise<boolean>,
	ms = 60000,
): Promise<void> {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(
				`${what} exited (${child.exitCode ?? child.signalCode}):\n${fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-3000) : ''}`,
			);
		}
		if (await check().catch(() => false)) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${what} was not ready within ${ms / 1000} s`);
}

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` system user. */
function asOwner(command: string, args: string[]): [string, string[]] {
	if (process.getuid?.() !== 0) return [command, args];
	return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', command, ...args]];
}

function run(command: string, args: string[], cwd: string): void {
	const [cmd, argv] = asOwner(command, args);
	execFileSync(cmd, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A private cluster (trust auth on loopback only, no fsync: test data) with database `n8n`. */
export async function startPostgres(existingDir?: string): Promise<Postgres> {
	const bin = ensureServices();
	const user = 'n8n';
	const database = 'n8n';
	const dir = existingDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'revops-pg-'));
	const data = path.join(dir, 'data');
	const fresh = !fs.existsSync(path.join(data, 'PG_VERSION'));
	if (process.getuid?.() === 0) {
		const [uid, gid] = ['-u', '-g'].map((flag) =>
			Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' })),
		);
		fs.chownSync(dir, uid, gid);
	}
	if (fresh)
		run(
			path.join(bin, 'initdb'),
			['-D', data, '-U', user, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
			dir,
		);

	const port = await freePort();
	const log = path.join(dir, 'postgres.log');
	const out = fs.openSync(log, 'a');
	const [cmd, argv] = asOwner(path.join(bin, 'postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-h',
		'127.0.0.1',
		'-k',
		dir,
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=200',
	]);
	const child = spawnTracked(cmd, argv, { cwd: dir, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	// SIGINT to the postmaster is PostgreSQL's "fast" shutdown: it ends its backends and exits.
	const stop = async (options: { keep?: boolean } = {}) => {
		await stopTracked(child, 15000, 'SIGINT');
		// Each cluster is ~40 MB: a test run starts dozens.
		if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		const isReady = path.join(bin, 'pg_isready');
		await until('PostgreSQL', child, log, async () => {
			execFileSync(isReady, [
				'-q',
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				user,
				'-d',
				'postgres',
			]);
			return true;
		});
		if (fresh)
			run(
				path.join(bin, 'createdb'),
				['-h', '127.0.0.1', '-p', String(port), '-U', user, database],
				dir,
			);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, pid: child.pid!, child, dir, user, database, stop };
}

async function redisPing(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.setTimeout(1000, () => socket.destroy());
		socket.on('error', () => resolve(false));
		socket.on('close', () => resolve(false));
		socket.on('data', (d) => {
			resolve(d.toString().startsWith('+PONG'));
			socket.destroy();
		});
		socket.on('connect', () => socket.write('PING\r\n'));
	});
}

/** Sends one command to Redis and resolves with its raw RESP reply. */
async function redisCommand(port: number, args: string[]): Promise<string> {
	const request = `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
	return await new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		let reply = '';
		socket.setTimeout(2000, () => socket.destroy(new Error('redis: no reply')));
		socket.on('error', reject);
		socket.on('data', (d) => {
			reply += d.toString();
			// Replies used here end with an integer line (":n") or a simple string.
			if (/(^|\r\n)[:+-][^\r\n]*\r\n$/.test(reply)) {
				socket.end();
				resolve(reply);
			}
		});
		socket.on('connect', () => socket.write(request));
	});
}

/** How many clients subscribe to a pub/sub channel (PUBSUB NUMSUB). */
export async function redisSubscribers(port: number, channel: string): Promise<number> {
	const reply = await redisCommand(port, ['PUBSUB', 'NUMSUB', channel]);
	const count = /:(\d+)\r\n$/.exec(reply);
	return count ? Number(count[1]) : 0;
}

/** A private redis-server on loopback without persistence (the queue's jobs live only as long as it runs). */
export async function startRedis(): Promise<Service> {
	ensureServices();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'revops-redis-'));
	const port = await freePort();
	const log = path.join(dir, 'redis.log');
	const out = fs.openSync(log, 'a');
	const child = spawnTracked(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--daemonize',
			'no',
		],
		{ cwd: dir, stdio: ['ignore', out, out] },
	);
	fs.closeSync(out);
	const stop = async () => {
		await stopTracked(child);
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		await until('redis-server', child, log, () => redisPing(port));
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, pid: child.pid!, child, stop };
}
