// HubSpot upsert benchmark in a real n8n: the flagship recipe ("company by domain: update if it
// exists, else create; then the contact, associated with it") on Clay-like rows, against the sandbox
// HubSpot at the Free-tier limits (100 calls / 10 s, search 5/s), with this package's node and, on a
// sample, with n8n's built-in HubSpot node (legacy endpoints, one record per call).
// Run: npm run build && npx tsx bench/hubspot-upsert.ts   (rewrites the hubspot-upsert section of BENCHMARKS.md)
// BENCH_ROWS (default 20000), BENCH_COMPANIES (8000), BENCH_BUILTIN_ROWS (500).
import { join } from 'node:path';
import { startN8n } from '../dev/harness';
import { startSandbox } from '../sandbox/server';
import { measure, type Measured } from './lib/hubspotRun';
import { writeBenchmarksSection } from './lib/benchmarksSection';
import { clayRows, type ClayRow } from '../test/fixtures/clayRows';
import { builtinWorkflow, revopsWorkflow } from './lib/hubspotWorkflows';

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000);
const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 8000);
const BUILTIN_ROWS = Number(process.env.BENCH_BUILTIN_ROWS ?? 500);
const LIMIT_PER_10S = 100;
const SEARCH_PER_S = 5;

/**
 * The fastest the recipe can go at these limits: fewest calls (one search per 500 companies — five
 * OR-ed IN filters of 100 —, one create per 100 companies, one contact upsert and one association call
 * per 100 rows), the first 100 free in the first window, then 10 per second; search at 5 per second.
 */
function ceiling(rows: number, companies: number): { calls: number; rowsPerSecond: number } {
	const batches = (n: number, size = 100) => Math.ceil(n / size);
	const searches = batches(companies, 500);
	const calls = searches + batches(companies) + 2 * batches(rows);
	const seconds = Math.max((calls - LIMIT_PER_10S) / (LIMIT_PER_10S / 10), searches / SEARCH_PER_S);
	return { calls, rowsPerSecond: rows / seconds };
}

async function main() {
	const sandbox = await startSandbox({ port: 0 });
	const rows = clayRows({ rows: ROWS, companies: COMPANIES, seed: 20 });
	const sample = rows.slice(0, BUILTIN_ROWS);
	const ours = revopsWorkflow();
	const builtin = builtinWorkflow();
	const n8n = await startN8n({
		credentials: [
			{
				name: 'HubSpot sandbox (RevOps)',
				type: 'hubSpotRevOpsPrivateAppApi',
				data: { accessToken: 'pat-sandbox', baseUrl: sandbox.hubspotUrl },
			},
			{
				name: 'HubSpot sandbox (built-in)',
				type: 'hubspotAppToken',
				data: { appToken: 'pat-sandbox' },
			},
		],
		workflows: [ours, builtin],
		env: {
			NODE_OPTIONS: `--require ${join(__dirname, 'lib', 'hubapiRedirect.cjs')}`,
			REVOPS_HUBAPI_REDIRECT: sandbox.hubspotUrl,
			N8N_PAYLOAD_SIZE_MAX: '64',
		},
	});
	try {
		const revops = await measure(sandbox, n8n, ours, 'bench-revops', rows, [
			'Upsert companies',
			'Upsert contacts',
		]);
		console.log('revops', revops);
		// BENCH_BUILTIN_ROWS=0: only the package's run, printed, BENCHMARKS.md left alone.
		if (!sample.length) return;
		const base = await measure(sandbox, n8n, builtin, 'bench-builtin', sample, []);
		console.log('built-in', base);
		report(revops, base, rows, sample);
	} finally {
		await n8n.stop();
		await sandbox.close();
	}
}

/** The built-in node's own ceiling: one record per call, 5 calls per row (search, write, contact, association, profile). */
function builtinCeiling(rows: number): { rowsPerSecond: number } {
	const calls = 5 * rows;
	return { rowsPerSecond: rows / Math.max(0.1, (calls - LIMIT_PER_10S) / (LIMIT_PER_10S / 10)) };
}

function report(revops: Measured, base: Measured, rows: ClayRow[], sample: ClayRow[]) {
	const fixed = (n: number, d = 1) => n.toFixed(d);
	const domains = (list: ClayRow[]) =>
		new Set(
			list.map(
				(r) =>
					r.domain
						.toLowerCase()
						.replace(/^https?:\/\//, '')
						.replace(/^www\./, '')
						.split('/')[0],
			),
		).size;
	const ours = ceiling(rows.length, domains(rows));
	const theirs = builtinCeiling(sample.length);
	const line = (name: string, m: Measured, c: { rowsPerSecond: number }) =>
		`| ${name} | ${m.rows} | ${m.status} | ${fixed(m.seconds)} | **${fixed(m.rows / m.seconds)}** | ${fixed(c.rowsPerSecond)} | ${fixed((100 * m.rows) / m.seconds / c.rowsPerSecond, 0)} % | ${fixed(m.calls / m.rows, 3)} | ${m.status429} | ${m.nodeSeconds ? m.errorsSurfaced : '— (no error output)'} | ${m.companies} (${m.distinctDomains} domains) | ${m.contacts} (${m.associated} associated) |`;
	const speedup = revops.rows / revops.seconds / (base.rows / base.seconds);
	const file = writeBenchmarksSection('hubspot-upsert', [
		'## HubSpot upsert (real n8n, Free-tier limits)',
		'',
		`Method: \`npx tsx bench/hubspot-upsert.ts\` starts the sandbox at HubSpot's Free-tier limits (100 calls per rolling 10 s, search 5/s) and a real n8n ${'2.41.1'} (harness, package installed as from the Community Nodes panel). ${rows.length.toLocaleString('en')} Clay-like rows (\`test/fixtures/clayRows.ts\`: ${domains(rows).toLocaleString('en')} companies spelled as URLs, \`www.\`, upper case…, one contact per row) are posted to a webhook; Split Out makes one item per row. Recipe: company upsert by domain, then the contact upserted by email and associated with its company. Package workflow: HubSpot (RevOps) *Company → Create or Update* (domain search mode, defaults) → *Contact → Create or Update* (associate by company ID). Built-in workflow (n8n's HubSpot node v2.2, unmodified; \`bench/lib/hubapiRedirect.cjs\` sends its api.hubapi.com calls to the sandbox): Loop Over Items → *Company → Search by Domain* → IF found → *Update* / *Create* → *Contact → Create or Update* with Associated Company ID, on the first ${sample.length} rows, with n8n's *Retry On Fail* (5 tries, 5 s apart) so a 429 does not end the run at once. Time = the execution's startedAt → stoppedAt; calls and 429s from the sandbox's request log. Ceiling: the fewest calls the recipe needs (one search per 500 companies, one create per 100, one upsert and one association call per 100 contacts; the first 100 in the first window, then 10/s); for the built-in node, its own ceiling: it cannot batch and makes 5 calls per row (search, create or update, contact, association, contact profile).`,
		'',
		'| workflow | rows | status | seconds | rows/s | ceiling rows/s | of ceiling | HTTP calls/row | 429s seen | items on Rejected | companies in HubSpot | contacts |',
		'|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
		line('HubSpot (RevOps)', revops, ours),
		line('built-in HubSpot node', base, theirs),
		'',
		`**${fixed(speedup, 0)}× the built-in node's rows/s**; ${revops.status429} 429s seen by the package's transport, ${revops.errorsSurfaced} items on its Rejected outputs; ${fixed(revops.nodeSeconds)} s of the ${fixed(revops.seconds)} s were spent inside the two HubSpot (RevOps) nodes, the rest in n8n (webhook, Split Out, execution bookkeeping). The built-in workflow needs a clean-up expression on the domain (lower case, no scheme, \`www.\` or path): its search puts the domain in the URL path, so \`https://www.…/about\` answers 404 and stops the run; companies created outside such a workflow (other spellings) are not found and get duplicated, which the package's normalization prevents.`,
	]);
	console.log(`wrote ${file}`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
