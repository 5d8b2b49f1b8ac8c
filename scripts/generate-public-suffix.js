#!/usr/bin/env node
// Regenerates nodes/shared/domain/publicSuffixRules.generated.ts from the Public Suffix List shipped in the
// `psl` devDependency. The list is compiled into dist, so the published package has no runtime dependency.
// Runs at every `npm run build`, so the shipped list is always the maintained psl release in the lockfile;
// output is deterministic for a given psl version (no diff unless psl is bumped).
'use strict';

const { createHash } = require('node:crypto');
const { writeFileSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL, domainToASCII } = require('node:url');

const root = join(__dirname, '..');
const pslDir = join(root, 'node_modules', 'psl');
const target = join(root, 'nodes', 'shared', 'domain', 'publicSuffixRules.generated.ts');

// Rules are matched against ASCII hostnames, so IDN rules are stored in their punycode form.
function toAsciiRule(rule) {
	const prefix = rule.startsWith('*.') ? '*.' : rule.startsWith('!') ? '!' : '';
	const body = rule.slice(prefix.length);
	const ascii = domainToASCII(body);
	if (!ascii) throw new Error(`psl rule ${JSON.stringify(rule)} has no ASCII form`);
	return prefix + ascii;
}

async function main() {
	const { version } = JSON.parse(readFileSync(join(pslDir, 'package.json'), 'utf8'));
	const { default: rules } = await import(pathToFileURL(join(pslDir, 'data', 'rules.js')).href);
	const ascii = rules.map(toAsciiRule);
	for (const rule of ascii) {
		if (!/^(\*\.|!)?[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(rule))
			throw new Error(`unexpected rule ${rule}`);
	}
	const text = ascii.join('\n');
	const sha = createHash('sha256').update(text).digest('hex');
	const out =
		'// GENERATED FILE, do not edit. Source: Public Suffix List (https://publicsuffix.org/list/, MPL-2.0)\n' +
		`// as bundled in the psl@${version} devDependency (node_modules/psl/data/rules.js), ICANN and private sections,\n` +
		'// IDN rules converted to punycode. Regenerate with: node scripts/generate-public-suffix.js\n' +
		`// ${ascii.length} rules, sha256 of the rule text ${sha}\n` +
		'// One rule per line; parsed once, lazily, by publicSuffix.ts.\n' +
		`export const PUBLIC_SUFFIX_RULES = \`${text}\`;\n`;
	writeFileSync(target, out);
	process.stdout.write(`wrote ${target} (${ascii.length} rules, psl@${version})\n`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exit(1);
});
