// n8n 2.41.1 in queue mode (PostgreSQL, Redis, one main, one webhook processor, two workers), started by the
// harness: a node from the package runs on the workers — concurrent requests are shared between both — and
// stop() leaves no n8n, PostgreSQL or Redis process behind.
import { startN8n, type N8nInstance } from '../../dev/harness';
import { packageLoadErrors } from './helpers/package';
import { scoreWorkflow as buildScoreWorkflow } from './helpers/scoreWorkflow';

const scoreWorkflow = buildScoreWorkflow('Queue: Signal Score', 'queue-score');

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};
const startedOn = (log: string) =>
	new Set([...log.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]));

// Runs when the suite runs in queue mode (N8N_MODE=queue; .ci/run does a second, queue-mode pass).
const describeQueue = process.env.N8N_MODE === 'queue' ? describe : describe.skip;

describeQueue('n8n in queue mode', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await startN8n({ mode: 'queue', workflows: [scoreWorkflow] });
	}, 300000);

	afterAll(async () => {
		await n8n?.stop();
	}, 60000);

	test('runs one main, one webhook processor and two workers on PostgreSQL and Redis', () => {
		expect(n8n.mode).toBe('queue');
		expect(n8n.processes.map((p) => p.name)).toEqual(['main', 'webhook', 'worker-1', 'worker-2']);
		expect(new URL(n8n.webhookUrl('x')).port).not.toBe(String(n8n.port));
		for (const worker of n8n.workers) expect(worker.log()).toContain('n8n worker is now ready');
		expect(packageLoadErrors(n8n.log())).toEqual([]);
	});

	test('20 concurrent webhook calls all run the package’s node, on both workers', async () => {
		const responses = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				fetch(n8n.webhookUrl('queue-score'), {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ intent: 90, fit: 70, i }),
				}).then(async (r) => ({
					status: r.status,
					body: (await r.json()) as Record<string, unknown>,
				})),
			),
		);
		for (const r of responses)
			expect(r).toMatchObject({ status: 200, body: { signal_score: 78, signal_tier: 'warm' } });

		const executions = (
			await n8n.api<{ data: Array<{ id: string; status: string }> }>(
				'GET',
				`/executions?workflowId=${n8n.workflowIds[scoreWorkflow.name]}&limit=100`,
			)
		).data;
		expect(executions).toHaveLength(20);
		expect(executions.every((e) => e.status === 'success')).toBe(true);
		// Each execution was started by exactly one worker, and each worker took some.
		const [one, two] = n8n.workers.map((w) => startedOn(w.log()));
		expect(one.size).toBeGreaterThan(0);
		expect(two.size).toBeGreaterThan(0);
		expect([...one].filter((id) => two.has(id))).toEqual([]);
		expect(new Set([...one, ...two])).toEqual(new Set(executions.map((e) => e.id)));
		// Neither the main process nor the webhook processor ran any.
		expect(n8n.processes[0].log() + n8n.processes[1].log()).not.toMatch(/Worker started execution/);
	}, 120000);

	test('stop() ends every n8n, PostgreSQL and Redis process', async () => {
		const groups = [...n8n.processes, ...n8n.services].map((p) => ({ name: p.name, pid: p.pid }));
		expect(n8n.services.map((s) => s.name)).toEqual(['postgres', 'redis']);
		for (const g of groups) expect({ ...g, alive: alive(-g.pid) }).toEqual({ ...g, alive: true });
		await n8n.stop();
		// Process groups: the task runners n8n spawns and PostgreSQL's backends are in their leader's group.
		for (const g of groups) expect({ ...g, alive: alive(-g.pid) }).toEqual({ ...g, alive: false });
	}, 60000);
});
