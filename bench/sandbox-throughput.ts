// Sandbox throughput: can the emulators keep up with a benchmark without becoming its bottleneck?
// Run: npx tsx bench/sandbox-throughput.ts   (rewrites only the "Sandbox throughput" section of BENCHMARKS.md)
//
// The sandbox runs in a child process (as `npm run sandbox` does) so autocannon and the server do
// not share one event loop. Rate limits are raised, not switched off, so the limiter stays on the path.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { writeBenchmarksSection } from './lib/benchmarksSection';

// autocannon ships no type declarations (and @types/autocannon is not installed): the part used here.
interface AutocannonResult {
	requests: { average: number; total: number };
	latency: { p50: number; p99: number };
	non2xx: number;
	errors: number;
}
type Autocannon = (options: {
	url: string;
	method: string;
	headers: Record<string, string>;
	body?: string;
	connections: number;
	duration: number;
}) => Promise<AutocannonResult>;
const autocannon = require('autocannon') as Autocannon;

const root = join(__dirname, '..');
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Scenario {
	name: string;
	method: 'GET' | 'POST';
	path: string;
	headers: Record<string, string>;
	body?: string;
}

interface Measured {
	scenario: Scenario;
	requestsPerSecond: number;
	p50: number;
	p99: number;
	total: number;
	non2xx: number;
	errors: number;
}

function startChild(): Promise<{ child: ChildProcess; url: string }> {
	const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'sandbox/cli.ts')], {
		cwd: root,
		env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_SNAPSHOT: '' },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return new Promise((resolve, reject) => {
		let out = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const match = /listening on (http:\/\/\S+)/.exec(out);
			if (match) resolve({ child, url: match[1] });
		});
		child.once('exit', (code) =>
			reject(new Error(`sandbox exited early (code ${String(code)}): ${out}`)),
		);
	});
}

async function json(
	url: string,
	method: string,
	body?: unknown,
	headers: Record<string, string> = {},
) {
	const res = await fetch(url, {
		method,
		headers: { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${await res.text()}`);
	return (await res.json()) as Record<string, unknown>;
}

async function measure(url: string, scenario: Scenario): Promise<Measured> {
	const result = await autocannon({
		url: `${url}${scenario.path}`,
		method: scenario.method,
		headers: scenario.headers,
		body: scenario.body,
		connections: CONNECTIONS,
		duration: DURATION_S,
	});
	return {
		scenario,
		requestsPerSecond: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		total: result.requests.total,
		non2xx: result.non2xx,
		errors: result.errors,
	};
}

async function main() {
	const { child, url } = await startChild();
	try {
		await json(`${url}/_sandbox/hubspot/limits`, 'PUT', {
			tenSecondly: 1_000_000_000,
			daily: 1_000_000_000_000,
		});
		await json(`${url}/_sandbox/slack/limits`, 'PUT', { perChannelPerSecond: 1_000_000_000 });
		const auth = { authorization: 'Bearer pat-sandbox' };
		const company = await json(
			`${url}/hubspot/crm/v3/objects/companies`,
			'POST',
			{ properties: { name: 'Acme', domain: 'acme.com' } },
			auth,
		);
		const scenarios: Scenario[] = [
			{
				name: 'HubSpot GET record',
				method: 'GET',
				path: `/hubspot/crm/v3/objects/companies/${String(company.id)}?properties=name,domain`,
				headers: auth,
			},
			{
				name: 'Slack incoming webhook POST',
				method: 'POST',
				path: '/slack/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					text: 'New lead: Acme (score 87)',
					blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Acme* scored 87' } }],
				}),
			},
		];
		const results: Measured[] = [];
		for (const scenario of scenarios) {
			const measured = await measure(url, scenario);
			results.push(measured);
			process.stdout.write(
				`${scenario.name}: ${Math.round(measured.requestsPerSecond)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms ` +
					`(${measured.total} requests, ${measured.non2xx} non-2xx, ${measured.errors} errors)\n`,
			);
		}
		writeSection(results);
	} finally {
		child.kill('SIGTERM');
	}
}

function writeSection(results: Measured[]) {
	const cpu = cpus();
	const file = writeBenchmarksSection('sandbox-throughput', [
		'## Sandbox throughput',
		'',
		`Method: \`npx tsx bench/sandbox-throughput.ts\` starts the sandbox in a child process (as \`npm run sandbox\` does) and drives it ` +
			`over loopback with autocannon from the parent process: ${CONNECTIONS} connections, ${DURATION_S} s per scenario, keep-alive, no pipelining. ` +
			'HubSpot and Slack rate limits are raised (not switched off) so the limiter and request log stay on the path; faults are off. ' +
			`Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}. Target: ≥ 2,000 req/s, so the sandbox is never the bottleneck of a benchmark.`,
		'',
		'| scenario | req/s | p50 ms | p99 ms | requests | non-2xx | errors |',
		'|---|---:|---:|---:|---:|---:|---:|',
		...results.map(
			(r) =>
				`| ${r.scenario.name} (\`${r.scenario.method} ${r.scenario.path.replace(/\/companies\/\d+/, '/companies/{id}')}\`) | ${Math.round(r.requestsPerSecond)} | ${r.p50} | ${r.p99} | ${r.total} | ${r.non2xx} | ${r.errors} |`,
		),
	]);
	process.stdout.write(`wrote ${file}\n`);
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});
