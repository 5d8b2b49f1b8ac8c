// The lint legs of n8n's verification scan (@n8n/scan-community-package, the gate a package must pass to be
// verified), run on this checkout instead of a published version. The scanner's own exports do the work:
// buildScanConfig() (its ESLint config), SOURCE_FILE_PATTERNS (what its source leg lints) and analyzePackage()
// (its pass/fail verdict); the ESLint and fast-glob it runs with are the scanner's own copies. Inline
// `eslint-disable` comments are ignored, as in the real scan (allowInlineConfig: false).
//
// The scanner is ESM: load this module through tsx (dev/scan/cli.ts), not from jest; tests use runScan().
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint as ESLintClass } from 'eslint';
import type { Finding, Leg, LegReport } from './index';

/** The tarball leg's file patterns (inline in the scanner's analyzePackageByName). */
export const TARBALL_PATTERNS = ['**/*.js', 'package.json'];
/** The scanner's glob ignore list (analyzePackage). */
const IGNORE = ['node_modules/**', '**/package-lock.json'];

interface Scanner {
	SOURCE_FILE_PATTERNS: string[];
	buildScanConfig(): Promise<unknown>;
	analyzePackage(
		dir: string,
		patterns: string[],
	): Promise<{ passed: boolean; message?: string; details?: string }>;
	ESLint: typeof ESLintClass;
	glob: { sync(patterns: string[], options: Record<string, unknown>): string[] };
	version: string;
}

let loaded: Promise<Scanner> | undefined;

function loadScanner(): Promise<Scanner> {
	loaded ??= (async () => {
		// eslint-plugin-n8n-nodes-base treats every file as a node file when NODE_ENV=test (its own test mode, read
		// once at load): the scan would report rules the real scan never applies. jest sets it; runScan() drops it.
		if (process.env.NODE_ENV === 'test') throw new Error('run the scan without NODE_ENV=test');
		const manifest = require.resolve('@n8n/scan-community-package/package.json');
		const root = path.dirname(manifest);
		const esm = (file: string) => import(pathToFileURL(file).href);
		// Resolved from the scanner's folder: the ESLint (9.29) and fast-glob it pins, not the repository's.
		const fromScanner = (id: string) => require.resolve(id, { paths: [root] });
		// Loading the scanner makes a temporary folder (for downloads this runner never makes): removed at exit.
		require(fromScanner('tmp')).setGracefulCleanup();
		const scanner = await esm(path.join(root, 'scanner', 'scanner.mjs'));
		const { ESLint } = await esm(fromScanner('eslint'));
		const glob = (await esm(fromScanner('fast-glob'))).default;
		return {
			SOURCE_FILE_PATTERNS: scanner.SOURCE_FILE_PATTERNS,
			buildScanConfig: scanner.buildScanConfig,
			analyzePackage: scanner.analyzePackage,
			ESLint,
			glob,
			version: JSON.parse(fs.readFileSync(manifest, 'utf8')).version,
		};
	})();
	return loaded;
}

export async function scannerVersion(): Promise<string> {
	return (await loadScanner()).version;
}

/** Unpacks a tarball the way the scanner does (`tar -xzf … --strip-components=1`) into a temporary folder. */
export function unpack(tarball: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'revops-scan-'));
	execFileSync('tar', ['-xzf', path.resolve(tarball), '-C', dir, '--strip-components=1']);
	return dir;
}

/**
 * Lints `dir` as the scanner's source leg (a checkout) or tarball leg (an unpacked package): every message,
 * errors and warnings, with the scanner's analyzePackage() verdict alongside. The scan fails on errors only.
 */
export async function lintLeg(leg: Leg, dir: string): Promise<LegReport> {
	const scanner = await loadScanner();
	const root = path.resolve(dir);
	const patterns = leg === 'source' ? scanner.SOURCE_FILE_PATTERNS : TARBALL_PATTERNS;
	const files = scanner.glob.sync(patterns, { cwd: root, absolute: true, ignore: IGNORE });
	// analyzePackage() passes a folder where it finds nothing; a gate that linted nothing proves nothing.
	if (!files.length)
		throw new Error(`${leg} leg: no files match ${patterns.join(', ')} in ${root}`);

	const eslint = new scanner.ESLint({
		cwd: root,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: (await scanner.buildScanConfig()) as ESLintClass.Options['overrideConfig'],
	});
	const findings: Finding[] = [];
	for (const result of await eslint.lintFiles(files)) {
		for (const message of result.messages) {
			findings.push({
				leg,
				rule: message.ruleId ?? '(parse error)',
				file: path.relative(root, result.filePath),
				line: message.line,
				column: message.column,
				severity: message.severity === 2 ? 'error' : 'warning',
				message: message.message,
			});
		}
	}

	const verdict = await scanner.analyzePackage(root, patterns);
	const errors = findings.filter((f) => f.severity === 'error').length;
	if (verdict.passed !== (errors === 0)) {
		throw new Error(
			`${leg} leg: this runner found ${errors} error(s) but the scanner's analyzePackage() says ` +
				`${verdict.passed ? 'passed' : `failed (${verdict.message})`}: the runner is out of step with the scanner`,
		);
	}
	return { leg, dir: root, files: files.length, passed: verdict.passed, findings };
}
