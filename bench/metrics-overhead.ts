// What measuring costs: the 20,000-row HubSpot recipe (bench/hubspot-upsert.ts) with the nodes' RevOps
// Metrics API credential (they measure every call and flush to template 10's intake) and without it, in one
// real n8n, alternating off/on twice, (a) at HubSpot's Free-tier limits (the run waits for rate-limit
// budget, as users' runs do) and (b) with the limits lifted (sandbox and nodes at 10,000 calls / 10 s), where
// the run is bound by n8n and the nodes' own work, so any overhead shows. After the "on" runs, template 10's
// Prometheus endpoint must count exactly the calls the sandbox logged.
// Run: npm run build && npx tsx bench/metrics-overhead.ts   (rewrites the metrics-overhead section of BENCHMARKS.md)
// BENCH_ROWS (default 20000), BENCH_COMPANIES (8000).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startN8n, type WorkflowJson } from '../dev/harness';
import { startSandbox } from '../sandbox/server';
import { clayRows } from '../test/fixtures/clayRows';
import { writeBenchmarksSection } from './lib/benchmarksSection';
import { adminCall, measure, type Measured } from './lib/hubspotRun';
import { revopsWorkflow } from './lib/hubspotWorkflows';

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000);
const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 8000);
const TOKEN = 'bench-metrics-token';
const LIFTED = { requestsPerInterval: 10_000, searchRequestsPerSecond: 100 };

interface Run extends Measured {
	scenario: string;
	metrics: boolean;
	/** Calls the Prometheus endpoint counts after the run (on runs only). */
	scraped?: number;
}

async function scrapedCalls(url: string): Promise<number> {
	const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
	const text = await res.text();
	return text
		.split('\n')
		.filter((line) => line.startsWith('revops_api_requests_total{'))
		.reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

async function main() {
	const sandbox = await startSandbox({ port: 0 });
	const rows = clayRows({ rows: ROWS, companies: COMPANIES, seed: 20 });
	const template = JSON.parse(
		fs.readFileSync(path.join(__dirname, '..', 'workflows', '10-pipeline-metrics.json'), 'utf8'),
	) as WorkflowJson;
	const variants = {
		'free-off': revopsWorkflow({ name: 'free off', path: 'free-off' }),
		'free-on': revopsWorkflow({ name: 'free on', path: 'free-on', metrics: true }),
		'lifted-off': revopsWorkflow({ name: 'lifted off', path: 'lifted-off', options: LIFTED }),
		'lifted-on': revopsWorkflow({
			name: 'lifted on',
			path: 'lifted-on',
			metrics: true,
			options: LIFTED,
		}),
	};
	const n8n = await startN8n({
		credentials: ({ webhookBase }) => [
			{
				name: 'HubSpot sandbox (RevOps)',
				type: 'hubSpotRevOpsPrivateAppApi',
				data: { accessToken: 'pat-sandbox', baseUrl: sandbox.hubspotUrl },
			},
			{
				name: 'RevOps metrics (this instance)',
				type: 'revOpsMetricsApi',
				data: {
					url: `${webhookBase}/webhook/revops-metrics-intake`,
					token: TOKEN,
					flushSeconds: 0,
				},
			},
			{
				name: 'Metrics token (sandbox)',
				type: 'httpHeaderAuth',
				data: { name: 'Authorization', value: `Bearer ${TOKEN}` },
			},
			{
				name: 'Dashboard login (sandbox)',
				type: 'httpBasicAuth',
				data: { user: 'u', password: 'p' },
			},
		],
		workflows: [...Object.values(variants), template],
		env: { N8N_PAYLOAD_SIZE_MAX: '64' },
	});
	const nodes = ['Upsert companies', 'Upsert contacts'];
	const runs: Run[] = [];
	try {
		for (const scenario of ['free', 'lifted'] as const) {
			for (const metrics of [false, true, false, true, false, true]) {
				// The nodes' rate-limit planner remembers the last 10 s of calls: every run starts with a clear window.
				await new Promise((r) => setTimeout(r, 11_000));
				const key = `${scenario}-${metrics ? 'on' : 'off'}` as keyof typeof variants;
				const scrapedBefore = metrics ? await scrapedCalls(n8n.webhookUrl('revops-metrics')) : 0;
				const run: Run = {
					...(await measure(sandbox, n8n, variants[key], key, rows, nodes, async () =>
						scenario === 'lifted'
							? await adminCall(sandbox, 'PUT', '/hubspot/limits', {
									tenSecondly: 10_000,
									searchPerSecond: 100,
								})
							: undefined,
					)),
					scenario,
					metrics,
				};
				if (metrics) {
					// The flushes are requests of their own: give the last one a moment to be stored.
					for (let i = 0; i < 20; i++) {
						run.scraped = (await scrapedCalls(n8n.webhookUrl('revops-metrics'))) - scrapedBefore;
						if (run.scraped === run.calls) break;
						await new Promise((r) => setTimeout(r, 500));
					}
				}
				console.log(key, JSON.stringify(run));
				runs.push(run);
			}
		}
	} finally {
		await n8n.stop();
		await sandbox.close();
	}
	report(runs);
}

function report(runs: Run[]) {
	const fixed = (n: number, d = 1) => n.toFixed(d);
	const rate = (list: Run[]) =>
		list.reduce((s, r) => s + r.rows, 0) / list.reduce((s, r) => s + r.seconds, 0);
	const lines = runs.map(
		(r) =>
			`| ${r.scenario === 'free' ? 'Free-tier limits' : 'limits lifted'} | ${r.metrics ? '**on**' : 'off'} | ${r.status} | ${fixed(r.seconds)} | ${fixed(r.rows / r.seconds)} | ${fixed(r.nodeSeconds)} | ${r.calls} | ${r.status429} | ${r.metrics ? `${r.scraped} ${r.scraped === r.calls ? '(= sandbox)' : '(≠ sandbox!)'}` : '—'} |`,
	);
	const ratio = (scenario: string) =>
		rate(runs.filter((r) => r.scenario === scenario && r.metrics)) /
		rate(runs.filter((r) => r.scenario === scenario && !r.metrics));
	const spread = (scenario: string) =>
		[false, true]
			.map((metrics) => {
				const seconds = runs
					.filter((r) => r.scenario === scenario && r.metrics === metrics)
					.map((r) => r.seconds);
				return `${scenario} ${metrics ? 'on' : 'off'} ${fixed(Math.min(...seconds))}–${fixed(Math.max(...seconds))} s`;
			})
			.join(', ');
	const file = writeBenchmarksSection('metrics-overhead', [
		'## Metrics on and off (real n8n, 20,000-row HubSpot recipe)',
		'',
		`Method: \`npx tsx bench/metrics-overhead.ts\`: one real n8n 2.41.1 with template 10 (the metrics intake) and the recipe of the HubSpot benchmark (company upsert by domain → contact upsert associated with it, ${runs[0]?.rows.toLocaleString('en')} Clay-like rows in one execution) twice: without and with the RevOps Metrics API credential on both HubSpot (RevOps) nodes (every call timed and counted by status, budget waits, retries, records and run time; sent to the intake after each node run without the run waiting for it: Flush Interval 0). Runs alternate off, on three times, 11 s apart (the nodes' rate-limit window clears), (a) at HubSpot's Free-tier limits and (b) with the sandbox's and the nodes' limits raised to 10,000 calls per 10 s, where n8n and the nodes' own work bound the run. Throughput = rows ÷ (execution startedAt → stoppedAt), summed over the three runs of a kind. "Counted by Prometheus" = the increase of \`revops_api_requests_total\` at template 10's endpoint over the run, against the sandbox's request log.`,
		'',
		'| limits | metrics | status | seconds | rows/s | in the nodes (s) | HubSpot calls | 429s | counted by Prometheus |',
		'|---|---|---|---:|---:|---:|---:|---:|---|',
		...lines,
		'',
		`Throughput with metrics on ÷ off (goal ≥ 0.95×): **${fixed(ratio('free'), 3)}×** at Free-tier limits, **${fixed(ratio('lifted'), 3)}×** with the limits lifted. Spread of one run: ${spread('free')}; ${spread('lifted')} — a ratio above 1 is that spread, not metrics making runs faster.`,
	]);
	console.log(`wrote ${file}`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
