// Issue 4 benchmark: Signal Score, Dedupe and Attribution against built-in anchors on the same
// 100,000 generated rows, in one real n8n (2.41.1) run. Each pair runs in one execution; n8n's own
// per-node executionTime is the measure; the median of ROUNDS executions is reported, with the peak
// resident memory of n8n's process group (main + task runner) while each node ran.
// Run: npm run build && npx tsx bench/data-nodes.ts [rows]
import * as os from 'node:os';
import { startN8n } from '../dev/harness';
import { writeBenchmarksSection } from './lib/benchmarksSection';
import { runTimed, type NodeTiming } from './lib/runTimed';
import { pairs } from './lib/dataNodePairs';
import { sideBySide } from './lib/workflows';

const ROWS = Number(process.argv[2] ?? 100000);
const ROUNDS = 3;
const mb = (bytes: number) => Math.round(bytes / 1048576);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
	const workflows = pairs.map((p) => sideBySide(p.title, p.path, p.ours, p.anchor));
	const n8n = await startN8n({
		workflows,
		env: { N8N_PAYLOAD_SIZE_MAX: '512', N8N_RUNNERS_MAX_PAYLOAD: String(1024 * 1024 * 1024) },
	});
	const rows: string[][] = [];
	try {
		for (const pair of pairs) {
			const runs: NodeTiming[][] = [];
			for (let round = 0; round < ROUNDS; round++) {
				runs.push(
					await runTimed(n8n, pair.title, pair.path, { count: ROWS }, [
						pair.ours.name,
						pair.anchor.name,
					]),
				);
				process.stdout.write(
					`${pair.title} round ${round + 1}: ${runs[round].map((t) => `${t.node} ${t.ms} ms`).join(', ')}\n`,
				);
			}
			const ours = runs.map((r) => r[0]);
			const anchor = runs.map((r) => r[1]);
			const oursMs = median(ours.map((t) => t.ms));
			const anchorMs = median(anchor.map((t) => t.ms));
			const rate = (ms: number) => Math.round((ROWS / Math.max(ms, 1)) * 1000);
			rows.push([
				pair.title,
				`${pair.ours.name}: ${oursMs} ms (${rate(oursMs).toLocaleString('en')} items/s), peak ${mb(Math.max(...ours.map((t) => t.peakRss)))} MB (+${mb(Math.max(...ours.map((t) => t.rssRise)))})`,
				`${pair.anchor.name}: ${anchorMs} ms (${rate(anchorMs).toLocaleString('en')} items/s), peak ${mb(Math.max(...anchor.map((t) => t.peakRss)))} MB (+${mb(Math.max(...anchor.map((t) => t.rssRise)))})`,
				`**${(anchorMs / Math.max(oursMs, 1)).toFixed(2)}×**`,
				pair.target,
			]);
		}
	} finally {
		await n8n.stop();
	}
	const table = [
		'| pair | ours | built-in anchor | throughput ratio (ours / anchor) | target |',
		'|---|---|---|---:|---|',
		...rows.map((r) => `| ${r.join(' | ')} |`),
	];
	console.log(table.join('\n'));
	writeBenchmarksSection('data-nodes', [
		'## Data nodes vs built-in anchors',
		'',
		`Method: \`npx tsx bench/data-nodes.ts\` starts n8n ${n8n.version} (SQLite, Node 24) with the packed package, and for each pair publishes Webhook → Code (generates ${ROWS.toLocaleString('en')} deterministic Clay-like rows inside n8n) → our node and the built-in anchor as two branches fed the same items in the same execution. The measure is n8n's own per-node \`executionTime\` from the saved execution; each pair runs ${ROUNDS} times and the median is reported. Memory is the peak resident memory of n8n's process group (main process and task runner) sampled every 20 ms during the node's run, with the rise over the level just before it in brackets. Machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB.`,
		'',
		...table,
		'',
		...pairs.map((p) => `- **${p.title}**: ${p.note}`),
	]);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
