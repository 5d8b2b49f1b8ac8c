// n8n's verification scan, lint legs, on this checkout: `npm run scan` for developers, runScan() for tests.
// The linting itself is in lint.ts (it loads the ESM scanner, so it runs under tsx in a child process).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** The scanner lints the source the provenance points at, and the published tarball. */
export type Leg = 'source' | 'tarball';

export interface Finding {
	leg: Leg;
	rule: string;
	/** Relative to the leg's folder (the checkout or the unpacked package). */
	file: string;
	line: number;
	column: number;
	severity: 'error' | 'warning';
	message: string;
}

export interface LegReport {
	leg: Leg;
	dir: string;
	/** Files linted. */
	files: number;
	/** The scanner's own verdict (analyzePackage): false when any finding is an error. */
	passed: boolean;
	findings: Finding[];
}

/** What to lint: a source checkout, a tarball (unpacked by the runner) or an already unpacked package folder. */
export type Target = { source: string } | { tarball: string } | { unpacked: string };

const CLI = path.join(__dirname, 'cli.ts');

export const formatFinding = (f: Finding): string =>
	`${f.severity} ${f.rule} ${f.leg}:${f.file}:${f.line}:${f.column} ${f.message}`;

export function targetArgs(targets: Target[]): string[] {
	return targets.flatMap((t) =>
		'source' in t
			? ['--source', t.source]
			: 'tarball' in t
				? ['--tarball', t.tarball]
				: ['--unpacked', t.unpacked],
	);
}

/** Runs the scanner's lint legs on the targets in a child process (tsx) and returns one report per target. */
export function runScan(targets: Target[]): LegReport[] {
	// Without jest's NODE_ENV=test, which switches eslint-plugin-n8n-nodes-base into its own test mode (lint.ts).
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV'),
	);
	const child = spawnSync(
		process.execPath,
		['--import', 'tsx', CLI, '--json', ...targetArgs(targets)],
		{
			cwd: path.resolve(__dirname, '..', '..'),
			env,
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		},
	);
	// Exit 1 = findings with errors (the JSON report is still complete); anything else is a crash.
	if (child.status !== 0 && child.status !== 1) {
		throw new Error(
			`scan runner exited with ${child.status ?? child.signal}:\n${child.stderr}\n${child.stdout}`,
		);
	}
	return JSON.parse(child.stdout) as LegReport[];
}
