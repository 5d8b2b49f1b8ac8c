// Three suites: pure modules (unit), nodes run in-process by n8n-core (nodes),
// and the packed package inside a real n8n (e2e). `npm test` runs all three.
const fs = require('node:fs');
const path = require('node:path');

const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }];
const project = (name, extra = {}) => ({
	displayName: name,
	testEnvironment: 'node',
	roots: [`<rootDir>/test/${name}`],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': tsJest },
	...extra,
});

module.exports = {
	// A suite folder that does not exist (yet) is skipped rather than failing the whole run.
	projects: [
		project('unit'),
		project('nodes'),
		// e2e suites start real n8n processes: their own timeouts, global teardown kills strays.
		project('e2e', {
			slowTestThreshold: 120,
			globalSetup: '<rootDir>/test/e2e/setup.ts',
			globalTeardown: '<rootDir>/test/e2e/teardown.ts',
		}),
	].filter((p) => fs.existsSync(path.join(__dirname, 'test', p.displayName))),
};
