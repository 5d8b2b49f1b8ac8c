// A real Prometheus (the Debian package) scraping one target: a private server on a free loopback port, its
// data in a temporary folder, started and stopped like the other services (tracked process group).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../harness/ports';
import { spawnTracked, stopTracked } from '../harness/processes';
import { runInstaller, until, type Service } from './index';

let binary: string | undefined;

export function ensurePrometheus(): string {
	binary ??= runInstaller(path.join(__dirname, 'install-prometheus.sh'));
	return binary;
}

export interface Prometheus extends Service {
	url: string;
	/** An instant query's vector, as {labels, value} pairs. */
	query(promql: string): Promise<Array<{ labels: Record<string, string>; value: number }>>;
	/** The scrape target's health as Prometheus sees it (`up`, last error). */
	target(): Promise<{ health: string; lastError: string; lastScrape: string }>;
}

export interface ScrapeTarget {
	/** e.g. http://127.0.0.1:5678/webhook/revops-metrics */
	url: string;
	bearerToken: string;
	intervalSeconds?: number;
}

export async function startPrometheus(target: ScrapeTarget): Promise<Prometheus> {
	const bin = ensurePrometheus();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'revops-prometheus-'));
	const u = new URL(target.url);
	const interval = `${target.intervalSeconds ?? 1}s`;
	fs.writeFileSync(
		path.join(dir, 'prometheus.yml'),
		[
			'global:',
			`  scrape_interval: ${interval}`,
			`  scrape_timeout: ${interval}`,
			'scrape_configs:',
			'  - job_name: revops',
			`    scheme: ${u.protocol.replace(':', '')}`,
			`    metrics_path: ${u.pathname}`,
			'    authorization:',
			'      type: Bearer',
			`      credentials: ${target.bearerToken}`,
			'    static_configs:',
			`      - targets: ['${u.host}']`,
			'',
		].join('\n'),
	);
	const port = await freePort();
	const log = path.join(dir, 'prometheus.log');
	const out = fs.openSync(log, 'a');
	const child = spawnTracked(
		bin,
		[
			`--config.file=${path.join(dir, 'prometheus.yml')}`,
			`--storage.tsdb.path=${path.join(dir, 'data')}`,
			`--web.listen-address=127.0.0.1:${port}`,
		],
		{ cwd: dir, stdio: ['ignore', out, out] },
	);
	fs.closeSync(out);
	const url = `http://127.0.0.1:${port}`;
	const stop = async () => {
		await stopTracked(child, 15000, 'SIGTERM');
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		await until('Prometheus', child, log, async () => (await fetch(`${url}/-/ready`)).ok);
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		port,
		pid: child.pid!,
		child,
		url,
		stop,
		async query(promql) {
			const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
			const body = (await res.json()) as {
				status: string;
				error?: string;
				data?: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
			};
			if (body.status !== 'success') throw new Error(`Prometheus query ${promql}: ${body.error}`);
			return body.data!.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
		},
		async target() {
			const res = await fetch(`${url}/api/v1/targets`);
			const body = (await res.json()) as {
				data: { activeTargets: Array<{ health: string; lastError: string; lastScrape: string }> };
			};
			const t = body.data.activeTargets[0];
			return {
				health: t?.health ?? 'unknown',
				lastError: t?.lastError ?? '',
				lastScrape: t?.lastScrape ?? '',
			};
		},
	};
}
