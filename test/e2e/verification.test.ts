// n8n's verification gate, lint legs: @n8n/scan-community-package lints the source the package's npm provenance
// points at and the published tarball, with its own ESLint config and inline `eslint-disable` comments ignored.
// Here through dev/scan on this checkout and on `npm pack` of the built dist/ (no n8n needed). A negative
// control lints copies with planted violations through the same runner, so the gate cannot pass by seeing nothing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packPackage, REPO_ROOT } from '../../dev/harness';
import { formatFinding, runScan, type Finding, type LegReport } from '../../dev/scan';

const errorsOf = (report: LegReport): string[] =>
	report.findings.filter((f) => f.severity === 'error').map(formatFinding);

const at = (f: Finding) => `${f.rule} ${f.file}:${f.line}`;

/** Copies `from` (relative to REPO_ROOT) to `<dir>/<to>`, edited by `edit`, which must change it. */
function plant(dir: string, from: string, to: string, edit: (text: string) => string): string {
	const original = fs.readFileSync(path.join(REPO_ROOT, from), 'utf8');
	const text = edit(original);
	if (text === original) throw new Error(`the planted violation did not apply to ${from}`);
	fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
	fs.writeFileSync(path.join(dir, to), text);
	return text;
}

const lineOf = (text: string, needle: string) =>
	text.slice(0, text.indexOf(needle)).split('\n').length;

describe('n8n verification scan (lint legs)', () => {
	let source: LegReport;
	let tarball: LegReport;

	beforeAll(() => {
		[source, tarball] = runScan([{ source: REPO_ROOT }, { tarball: packPackage() }]);
	}, 180000);

	test('the sources (package.json, nodes/, credentials/) have no errors', () => {
		expect(source.leg).toBe('source');
		expect(source.files).toBeGreaterThan(20);
		expect(errorsOf(source)).toEqual([]);
		expect(source.passed).toBe(true);
	});

	test('the packed tarball (compiled .js, package.json) has no errors', () => {
		expect(tarball.leg).toBe('tarball');
		expect(tarball.files).toBeGreaterThan(20);
		expect(errorsOf(tarball)).toEqual([]);
		expect(tarball.passed).toBe(true);
	});

	describe('negative control: planted violations are flagged', () => {
		let dir: string;
		let planted: { sourceLog: number; distLog: number };
		let reports: LegReport[];

		beforeAll(() => {
			dir = fs.mkdtempSync(path.join(os.tmpdir(), 'revops-scan-control-'));
			const node = 'nodes/SignedWebhook/SignedWebhook.node.ts';
			const compiled = 'dist/nodes/SignedWebhook/SignedWebhook.node.js';
			// Source: a trigger without webhookMethods, and a console.log whose eslint-disable the scan must ignore.
			const sourceText = plant(path.join(dir, 'source'), node, node, (text) =>
				text
					.replace(/\n\twebhookMethods = \{[\s\S]*?\n\t\};\n/, '\n')
					.replace(
						/(\n\tasync webhook\(this: IWebhookFunctions\): Promise<IWebhookResponseData> \{\n)/,
						"$1\t\t// eslint-disable-next-line no-console\n\t\tconsole.log('planted');\n",
					),
			);
			expect(sourceText).not.toContain('webhookMethods');
			fs.copyFileSync(
				path.join(REPO_ROOT, 'package.json'),
				path.join(dir, 'source', 'package.json'),
			);
			// Tarball: the compiled node with a console.log.
			const distText = plant(path.join(dir, 'unpacked'), compiled, compiled, (text) =>
				text.replace(/(\n(\s*)async webhook\(\) \{\n)/, "$1$2    console.log('planted');\n"),
			);
			fs.copyFileSync(
				path.join(REPO_ROOT, 'package.json'),
				path.join(dir, 'unpacked', 'package.json'),
			);
			planted = {
				sourceLog: lineOf(sourceText, "console.log('planted')"),
				distLog: lineOf(distText, "console.log('planted')"),
			};
			reports = runScan([
				{ source: path.join(dir, 'source') },
				{ unpacked: path.join(dir, 'unpacked') },
			]);
		}, 180000);

		afterAll(() => {
			if (dir) fs.rmSync(dir, { recursive: true, force: true });
		});

		test('the source leg flags the trigger without webhookMethods and the console.log', () => {
			const [report] = reports;
			expect(report.passed).toBe(false);
			const found = report.findings.filter((f) => f.severity === 'error').map(at);
			expect(found).toEqual(
				expect.arrayContaining([
					`no-console nodes/SignedWebhook/SignedWebhook.node.ts:${planted.sourceLog}`,
					expect.stringMatching(
						/^@n8n\/community-nodes\/webhook-lifecycle-complete nodes\/SignedWebhook\/SignedWebhook\.node\.ts:\d+$/,
					),
				]),
			);
		});

		test('the tarball leg flags the console.log in the compiled node', () => {
			const [, report] = reports;
			expect(report.passed).toBe(false);
			expect(report.findings.filter((f) => f.severity === 'error').map(at)).toEqual([
				`no-console dist/nodes/SignedWebhook/SignedWebhook.node.js:${planted.distLog}`,
			]);
		});
	});
});
