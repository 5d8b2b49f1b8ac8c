// A metrics intake for node tests: an HTTP server that keeps the snapshots a node's flush sends (answering
// a chosen status), and helpers to wait for a flush (the nodes do not wait for it) and add series up.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Snapshot } from '../../../nodes/shared/metrics';

/** A metrics intake that keeps what it is sent, answering `status`. */
export function metricsIntake() {
	const received: Array<{ authorization?: string; body: Snapshot; raw: string }> = [];
	let status = 204;
	let attempts = 0;
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			attempts++;
			if (status < 300)
				received.push({ authorization: req.headers.authorization, body: JSON.parse(raw), raw });
			res.writeHead(status).end();
		});
	});
	return {
		received,
		answer: (code: number) => (status = code),
		attempts: () => attempts,
		start: async () => {
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/revops-metrics-intake`;
		},
		stop: async () => await new Promise((resolve) => server.close(resolve)),
	};
}

/** The nodes do not wait for their flush: wait for it to reach the intake. */
export async function untilFlushed(check: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
	// The client handles the answer (a failed flush is kept) a moment after the server sent it.
	await new Promise((r) => setTimeout(r, 50));
}

export const sumOf = (
	snapshots: Snapshot[],
	name: string,
	match: (labels: Record<string, string>) => boolean,
) =>
	snapshots
		.flatMap((s) => s.series)
		.filter((s) => s.name === name && match(s.labels))
		.reduce((n, s) => n + (name.endsWith('_seconds') ? s.count : s.sum), 0);
