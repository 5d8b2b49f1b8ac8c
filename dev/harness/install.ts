// Getting a real n8n ready to run this package: the n8n install (cached outside the repo by
// n8n-install.sh), the packed tarball, and its installation into a user folder exactly the way
// the Community Nodes panel does it.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type N8nLine = '2' | '1';

export interface N8nInstall {
	line: N8nLine;
	version: string;
	dir: string;
	/** Folder holding the `node` binary this n8n line runs on. */
	nodeBin: string;
	n8nBin: string;
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = require(path.join(REPO_ROOT, 'package.json')) as { name: string; version: string };

export function ensureN8n(line: N8nLine = '2'): N8nInstall {
	const out = execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'n8n-install.sh'), line], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [nodeBin, dir] = out.trim().split('\n').slice(-2);
	const version = fs.readFileSync(path.join(dir, '.ready'), 'utf8').trim();
	return {
		line,
		version,
		dir,
		nodeBin,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

let packed: string | undefined;

/** `npm pack` of the built package, once per process. */
export function packPackage(): string {
	if (packed && fs.existsSync(packed)) return packed;
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist'))) {
		throw new Error('dist/ is missing: run `npm run build` before starting n8n with this package');
	}
	const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'revops-pack-'));
	process.on('exit', () => fs.rmSync(dest, { recursive: true, force: true }));
	const out = execFileSync(
		'npm',
		['pack', '--pack-destination', dest, '--json', '--loglevel=error'],
		{
			cwd: REPO_ROOT,
			encoding: 'utf8',
		},
	);
	const [{ filename }] = JSON.parse(out) as Array<{ filename: string }>;
	packed = path.join(dest, filename);
	return packed;
}

/**
 * Mirrors n8n's CommunityPackagesService.downloadPackage (1.x and 2.x): unpack the tarball into
 * <user folder>/.n8n/nodes/node_modules/<name>, drop dev/peer/optional dependencies, run the
 * same `npm install` (which must find nothing to install) and record the dependency.
 */
export function installIntoUserFolder(userFolder: string, tarball: string, npmPath: string): void {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE.name);
	fs.mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const manifestPath = path.join(packageDir, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies'])
		delete manifest[key];
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	execFileSync(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--loglevel=error',
		],
		{
			cwd: packageDir,
			env: { ...process.env, PATH: `${npmPath}:${process.env.PATH}` },
			stdio: 'ignore',
		},
	);
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify(
			{
				name: 'installed-nodes',
				private: true,
				dependencies: { [PACKAGE.name]: manifest.version },
			},
			null,
			2,
		),
	);
}
