// Regenerates scripts/n8n-builtin-node-types.json: the built-in node types present in every
// supported n8n line, read from the installed n8n's own type catalogues (nodes.json).
// Run after scripts/n8n-install.sh for both lines: `node scripts/builtin-node-types.js`.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const catalogues = ['2', '1'].map((line) => {
	const out = execFileSync('bash', [path.join(__dirname, 'n8n-install.sh'), line], {
		encoding: 'utf8',
	});
	const dir = out.trim().split('\n').pop(); // last line: the install folder
	const types = new Set();
	for (const pkg of ['n8n-nodes-base', '@n8n/n8n-nodes-langchain']) {
		const file = path.join(dir, 'node_modules', pkg, 'dist/types/nodes.json');
		if (!fs.existsSync(file)) continue;
		const prefix = pkg === 'n8n-nodes-base' ? 'n8n-nodes-base.' : '@n8n/n8n-nodes-langchain.';
		for (const node of JSON.parse(fs.readFileSync(file, 'utf8'))) types.add(prefix + node.name);
	}
	return types;
});
const common = [...catalogues[0]].filter((t) => catalogues[1].has(t)).sort();
fs.writeFileSync(
	path.join(__dirname, 'n8n-builtin-node-types.json'),
	JSON.stringify(common, null, 1) + '\n',
);
console.log(`${common.length} built-in node types common to n8n 2.x and 1.x`);
