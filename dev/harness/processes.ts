// Child processes (n8n, PostgreSQL, …) started by the harness. Each runs in its own process group
// so stopping it stops its children too (n8n 2.x spawns a task runner). Pids are recorded in a
// folder so the jest global teardown can kill anything a crashed or failed test left behind.
import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * One folder per test run (REVOPS_RUN_ID, set by the e2e global setup and inherited by jest's
 * workers), so a run's teardown never touches processes of another run on the same machine.
 */
export const PID_DIR = path.join(
	os.tmpdir(),
	'revops-harness-pids',
	process.env.REVOPS_RUN_ID ?? String(process.pid),
);
const live = new Set<ChildProcess>();

export function spawnTracked(command: string, args: string[], options: SpawnOptions): ChildProcess {
	const child = spawn(command, args, { ...options, detached: true });
	if (child.pid) {
		fs.mkdirSync(PID_DIR, { recursive: true });
		fs.writeFileSync(path.join(PID_DIR, String(child.pid)), `${command} ${args.join(' ')}\n`);
		live.add(child);
	}
	child.on('exit', () => {
		live.delete(child);
		if (child.pid) fs.rmSync(path.join(PID_DIR, String(child.pid)), { force: true });
	});
	return child;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

/**
 * SIGTERM the group (or send `signal` to the leader only: PostgreSQL shuts its own children down), wait for
 * a clean exit, SIGKILL the group after `graceMs`.
 */
export async function stopTracked(
	child: ChildProcess,
	graceMs = 15000,
	leaderSignal?: NodeJS.Signals,
): Promise<void> {
	if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	if (leaderSignal) process.kill(child.pid, leaderSignal);
	else killGroup(child.pid, 'SIGTERM');
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<'timeout'>(
		(resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)),
	);
	if ((await Promise.race([exited, timeout])) === 'timeout') {
		killGroup(child.pid, 'SIGKILL');
		await exited;
	}
	clearTimeout(timer);
	killGroup(child.pid, 'SIGKILL'); // stragglers that left the leader behind
}

/** SIGKILL a tracked process and its group at once (a crashed worker), and wait until it is gone. */
export async function killTracked(child: ChildProcess): Promise<void> {
	if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	killGroup(child.pid, 'SIGKILL');
	await exited;
}

/** Kills every process group recorded during this run (jest global teardown). */
export function killRecorded(): number {
	if (!fs.existsSync(PID_DIR)) return 0;
	let killed = 0;
	for (const name of fs.readdirSync(PID_DIR)) {
		const pid = Number(name);
		if (pid > 0) {
			killGroup(pid, 'SIGKILL');
			killed++;
		}
		fs.rmSync(path.join(PID_DIR, name), { force: true });
	}
	fs.rmSync(PID_DIR, { recursive: true, force: true });
	return killed;
}

// Last resort when the test process itself exits: no n8n may outlive it.
process.once('exit', () => {
	for (const child of live) if (child.pid) killGroup(child.pid, 'SIGKILL');
});
