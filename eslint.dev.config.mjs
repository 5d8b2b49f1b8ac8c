// ESLint config for the development tooling (dev/, scripts/, test/, bench/, sandbox/): none of it ships, n8n
// never loads it. The root eslint.config.mjs must stay @n8n/node-cli's default (package.json `n8n.strict`), and
// `n8n-node lint` runs `eslint .` over the whole repository; each tooling folder has an eslint.config.mjs that
// re-exports this file, and `npm run lint` sets ESLINT_FLAGS=v10_config_lookup_from_file so every file is
// linted with its nearest config (see CONTRIBUTING.md).
//
// Same parser, plugins and generic rules as @n8n/node-cli's config, minus n8n's community-node rules
// (@n8n/community-nodes/*, n8n-nodes-base/*, no-console), which are about code n8n loads.
import { config } from '@n8n/node-cli/eslint';

const shippedOnly = (id) =>
	id.startsWith('@n8n/community-nodes/') || id.startsWith('n8n-nodes-base/') || id === 'no-console';

const withoutShippedRules = (block) =>
	block.rules
		? {
				...block,
				rules: Object.fromEntries(Object.entries(block.rules).filter(([id]) => !shippedOnly(id))),
			}
		: block;

export default [
	...config.map(withoutShippedRules),
	{
		files: ['**/*.ts'],
		rules: {
			// Test doubles, JSON fixtures and n8n's REST answers are loosely typed; CommonJS helpers are required.
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-require-imports': 'off',
			// `const { dropped, ...rest } = row` is how the tooling omits fields (tsc's noUnusedLocals agrees).
			'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
		},
	},
];
