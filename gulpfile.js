// `npm run build` = `gulp clean`, `tsc`, `gulp build`, like `n8n-node build` (which removes dist/, runs tsc and
// copies every png/svg): dist/ starts empty, so nothing renamed or deleted in the sources lingers in the package.
// The asset steps after `tsc`: icons and codex files next to the compiled nodes, and the workflow templates
// validated and shipped in dist/workflows so they travel with the package.
const fs = require('node:fs');
const path = require('node:path');
const { src, dest, series } = require('gulp');
const { validateTemplates } = require('./scripts/templates');

function clean(done) {
	fs.rmSync('dist', { recursive: true, force: true });
	done();
}

function copyAssets() {
	return src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

function templates(done) {
	const pkg = require('./package.json');
	const files = fs.existsSync('workflows')
		? fs.readdirSync('workflows').filter((f) => f.endsWith('.json'))
		: [];
	const problems = validateTemplates(
		files.map((f) => ({ file: f, text: fs.readFileSync(path.join('workflows', f), 'utf8') })),
		pkg,
	);
	if (problems.length) return done(new Error(`workflow templates:\n  ${problems.join('\n  ')}`));
	fs.mkdirSync('dist/workflows', { recursive: true });
	for (const f of files) fs.copyFileSync(path.join('workflows', f), path.join('dist/workflows', f));
	done();
}

exports.clean = clean;
exports.build = series(copyAssets, templates);
exports.default = exports.build;
