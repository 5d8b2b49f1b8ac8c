import * as path from 'node:path';
import { REPO_ROOT } from '../../../dev/harness';

const pkg = require(path.join(REPO_ROOT, 'package.json'));

/** Node and credential type names the package declares, read from the built classes. */
export function declaredTypes(): { nodes: string[]; credentials: string[] } {
	const instantiate = (file: string) => {
		const mod = require(path.join(REPO_ROOT, file));
		const Cls = Object.values(mod).find((v) => typeof v === 'function') as new () => any;
		return new Cls();
	};
	return {
		nodes: (pkg.n8n.nodes as string[]).map((f) => `${pkg.name}.${instantiate(f).description.name}`),
		credentials: (pkg.n8n.credentials as string[]).map((f) => instantiate(f).name as string),
	};
}

/** n8n log lines that report a problem loading this package. */
export function packageLoadErrors(log: string): string[] {
	return log
		.split('\n')
		.filter(
			(line) =>
				line.includes(pkg.name) || /Error loading|Failed to load|could not be loaded/i.test(line),
		)
		.filter((line) => /error|fail|warn|could not/i.test(line));
}
