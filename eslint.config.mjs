// n8n's official community-node rules (@n8n/node-cli), applied to what ships: nodes/, credentials/, package.json.
// Dev-only code (sandbox, dev tooling, scripts, tests, benchmarks) is not loaded by n8n and is not held to them.
import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

export default [
	globalIgnores([
		'dist',
		'node_modules',
		'test',
		'sandbox',
		'dev',
		'scripts',
		'bench',
		'*.js',
		'*.mjs',
	]),
	...config,
];
