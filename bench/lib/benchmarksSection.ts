import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Replaces one benchmark's section of BENCHMARKS.md, between `<!-- id:start -->` and `<!-- id:end -->`
 * (appended when absent), so that several benchmarks can share the file without overwriting each other.
 */
export function writeBenchmarksSection(id: string, body: readonly string[]): string {
	const file = join(__dirname, '..', '..', 'BENCHMARKS.md');
	const start = `<!-- ${id}:start -->`;
	const end = `<!-- ${id}:end -->`;
	const section = [start, ...body, end].join('\n');
	const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
	const next =
		current.includes(start) && current.includes(end)
			? current.slice(0, current.indexOf(start)) +
				section +
				current.slice(current.indexOf(end) + end.length)
			: `${current.trimEnd()}\n\n${section}\n`;
	writeFileSync(file, next);
	return file;
}
