// `npm run scan`: the lint legs of n8n's verification scan on this checkout (the sources) and on the package
// `npm pack` makes from the built dist/, exactly as the scanner lints them. Exit 1 when the scan would fail.
//
//   tsx dev/scan/cli.ts                       this checkout + a fresh pack of dist/ (run `npm run build` first)
//   tsx dev/scan/cli.ts --source DIR          a checkout (package.json + nodes/ and credentials/ sources)
//   tsx dev/scan/cli.ts --tarball FILE.tgz    a packed package
//   tsx dev/scan/cli.ts --unpacked DIR        an already unpacked package
//   add --json for the reports as JSON (one per target: leg, dir, files, passed, findings)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packPackage, REPO_ROOT } from '../harness/install';
import { formatFinding, type LegReport, type Target } from './index';
import { lintLeg, scannerVersion, unpack } from './lint';

function parse(argv: string[]): { json: boolean; targets: Target[] } {
	const targets: Target[] = [];
	let json = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const next = argv[++i];
			if (!next) throw new Error(`${arg} needs a value`);
			return next;
		};
		if (arg === '--json') json = true;
		else if (arg === '--source') targets.push({ source: value() });
		else if (arg === '--tarball') targets.push({ tarball: value() });
		else if (arg === '--unpacked') targets.push({ unpacked: value() });
		else throw new Error(`unknown argument ${arg} (see the top of dev/scan/cli.ts)`);
	}
	return { json, targets };
}

async function lint(target: Target): Promise<LegReport> {
	if ('source' in target) return lintLeg('source', target.source);
	if ('unpacked' in target) return lintLeg('tarball', target.unpacked);
	const dir = unpack(target.tarball);
	try {
		return { ...(await lintLeg('tarball', dir)), dir: target.tarball };
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

async function main(): Promise<number> {
	const { json, targets } = parse(process.argv.slice(2));
	let packed: string | undefined;
	if (!targets.length) {
		packed = packPackage();
		targets.push({ source: REPO_ROOT }, { tarball: packed });
	}

	const reports: LegReport[] = [];
	try {
		for (const target of targets) reports.push(await lint(target));
	} finally {
		if (packed) fs.rmSync(path.dirname(packed), { recursive: true, force: true });
	}
	const failed = reports.some((r) => !r.passed);
	if (json) {
		process.stdout.write(JSON.stringify(reports, null, 1) + '\n');
		return failed ? 1 : 0;
	}

	console.log(
		`n8n verification scan, lint legs (@n8n/scan-community-package ${await scannerVersion()})`,
	);
	for (const report of reports) {
		console.log(`\n${report.leg} leg: ${report.dir} (${report.files} files)`);
		for (const finding of report.findings) console.log(`  ${formatFinding(finding)}`);
		console.log(
			report.passed
				? `  passed (${report.findings.length ? `${report.findings.length} warning(s)` : 'no findings'})`
				: `  FAILED: ${report.findings.filter((f) => f.severity === 'error').length} error(s)`,
		);
	}
	console.log(failed ? '\nThe scan would fail.' : '\nThe scan would pass.');
	return failed ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(error.stack ?? error.message);
		process.exit(2);
	},
);
