#!/usr/bin/env node
// `npm start` and `npm test` on a fresh machine (Node 20 and npm, nothing else): install the project's
// dev dependencies first when they are missing or older than package-lock.json, then run the real command.
// Plain Node without dependencies, because it runs before they exist. (npm's pre-scripts would not do:
// `.npmrc` sets ignore-scripts, which also skips prestart/pretest.) The real n8n is installed later, by
// the harness (scripts/n8n-install.sh), which reports its progress while it downloads.
//
//   node scripts/bootstrap.js start [args…]   → tsx scripts/start.ts [args…]
//   node scripts/bootstrap.js test [args…]    → build, lint, jest (unit, nodes, e2e) [args… go to jest]
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args, what) {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
	if (result.status !== 0) {
		if (what) console.error(`\n${what} failed (exit ${result.status ?? result.signal}).`);
		process.exit(result.status ?? 1);
	}
}

/** node_modules is current when npm's own record of it is at least as new as the lockfile. */
function dependenciesCurrent() {
	const installed = path.join(root, 'node_modules', '.package-lock.json');
	if (!fs.existsSync(installed)) return false;
	return fs.statSync(installed).mtimeMs >= fs.statSync(path.join(root, 'package-lock.json')).mtimeMs;
}

function ensureDependencies() {
	if (dependenciesCurrent()) return;
	console.log('Installing the project’s dependencies (npm ci, about a minute, once)…');
	run(npm, ['ci', '--no-audit', '--no-fund'], 'npm ci');
}

const [task, ...args] = process.argv.slice(2);
ensureDependencies();
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
if (task === 'start') {
	run(bin('tsx'), [path.join('scripts', 'start.ts'), ...args]);
} else if (task === 'test') {
	run(npm, ['run', 'build'], 'The build');
	run(npm, ['run', 'lint'], 'The lint');
	run(bin('jest'), ['--selectProjects', 'unit', 'nodes', 'e2e', ...args]);
} else {
	console.error('usage: node scripts/bootstrap.js start|test [args…]');
	process.exit(2);
}
