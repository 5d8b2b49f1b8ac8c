// Template 04 in a real n8n: a small workflow that names the handler as its error workflow reads HubSpot
// companies from the sandbox. A permanent failure (404) is logged, alerted to #revops-errors with the
// execution link and parked in dead_letter with the request; a transient one (injected 503) is retried
// once through the n8n API: parked after the retry fails too, not parked when the retry succeeds.
import { startStack, type Stack } from '../../../dev/stack/stack';
import demo, {
	ERROR_CHANNEL,
	FAILING_NODE,
	FAILING_WORKFLOW,
	prepare,
	readCompany,
	replayDeadLetter,
	REPLAY_PATH,
	SLUG,
} from '../../../dev/demos/04-error-handler';
import {
	executionsOf,
	finishedExecution,
	sandboxAdmin,
	slackMessages,
	templateWorkflowId,
	waitFor,
} from '../../../dev/stack/support';
import { Faults } from '../../../sandbox/faults';

type DeadLetter = {
	id: number;
	workflow_id: string;
	workflow: string;
	execution_id: string;
	execution_url: string;
	retry_of: string | null;
	failed_node: string;
	error_message: string;
	error_type: string;
	http_code: string | null;
	park_reason: string;
	attempts: number;
	payload: Array<{ body: { companyId: string } }>;
	status: string;
};

type LogRow = {
	workflow: string;
	event: string;
	record_id: string;
	status: string;
	duration_ms: number | null;
	metadata: Record<string, unknown>;
};

/** Ids of companies that do not exist, read under injected 503s (faults are scoped to this prefix). */
const TRANSIENT = '/crm/v3/objects/companies/transient-';

/** A seed whose first roll at `probability` is a fault and whose second is not, found with the sandbox's own dice. */
function seedFailingOnce(probability: number): number {
	for (let seed = 1; seed < 10000; seed++) {
		const faults = new Faults();
		faults.update({ seed, serviceUnavailable503: probability, systems: ['hubspot'] });
		const first = faults.decide('hubspot', TRANSIENT);
		const second = faults.decide('hubspot', TRANSIENT);
		if (first.outcome && !second.outcome) return seed;
	}
	throw new Error('no seed found');
}

describe('template 04: error handler', () => {
	let stack: Stack;
	let failingId: string;
	let handlerId: string;

	const deadLetters = (companyId: string) =>
		stack.warehouse.query<DeadLetter>(
			`SELECT * FROM dead_letter WHERE payload @> '[{"body": {"companyId": "${companyId}"}}]' ORDER BY id`,
		);
	/** The failing workflow's executions for one request, oldest first. */
	const executionsFor = async (companyId: string) =>
		(await executionsOf(stack.n8n, failingId, true))
			.filter((e) =>
				JSON.stringify(e.data?.resultData?.runData?.['Company id'] ?? '').includes(
					`"companyId":"${companyId}"`,
				),
			)
			.reverse();
	const executionUrl = (id: string) => `${stack.n8n.url}/workflow/${failingId}/executions/${id}`;
	const log = (recordId: string) =>
		stack.warehouse.query<LogRow>(
			`SELECT workflow, event, record_id, status, duration_ms, metadata FROM workflow_log WHERE record_id = '${recordId}' ORDER BY id`,
		);
	const alertsAbout = async (executionId: string) =>
		(await slackMessages(stack.sandbox, ERROR_CHANNEL)).filter((m) =>
			m.text?.includes(executionUrl(executionId)),
		);
	/** Waits until every error-handler run so far has finished, and expects them all to have succeeded. */
	const handlerRunsSucceeded = async () => {
		const runs = await waitFor('the error handler to finish', async () => {
			const all = await executionsOf(stack.n8n, handlerId);
			return all.every((e) => !['new', 'running', 'waiting'].includes(e.status)) && all;
		});
		expect(runs.map((e) => e.status).filter((s) => s !== 'success')).toEqual([]);
		return runs;
	};

	beforeAll(async () => {
		stack = await startStack({ templates: [SLUG] });
		failingId = await prepare(stack);
		handlerId = templateWorkflowId(stack.n8n, SLUG);
	}, 300000);

	afterEach(async () => {
		await sandboxAdmin(stack.sandbox, 'DELETE', '/faults');
	});

	afterAll(async () => {
		await stack?.stop();
	}, 60000);

	test('a permanent failure is logged, alerted with the execution link and parked with its request', async () => {
		const { companyId } = (await demo.run(stack)) as { companyId: string };

		const [parked] = await waitFor(
			'the dead-letter row',
			() => deadLetters(companyId)[0] && deadLetters(companyId),
		);
		const [failed] = await executionsFor(companyId);
		expect(failed.status).toBe('error');
		expect(parked).toMatchObject({
			workflow_id: failingId,
			workflow: FAILING_WORKFLOW,
			execution_id: String(failed.id),
			execution_url: executionUrl(failed.id),
			retry_of: null,
			failed_node: FAILING_NODE,
			error_type: 'permanent',
			http_code: '404',
			park_reason: 'permanent error, a retry would fail the same way',
			attempts: 1,
			status: 'parked',
			payload: [{ body: { companyId } }],
		});
		expect(deadLetters(companyId)).toHaveLength(1);

		await handlerRunsSucceeded();
		const [logged] = log(String(failed.id));
		expect(logged).toMatchObject({
			workflow: FAILING_WORKFLOW,
			event: 'workflow_failed',
			status: 'error',
			metadata: expect.objectContaining({
				execution_url: executionUrl(failed.id),
				failed_node: FAILING_NODE,
				error_type: 'permanent',
				action: 'park',
			}),
		});
		expect(logged.duration_ms).toEqual(expect.any(Number));

		const alerts = await alertsAbout(failed.id);
		expect(alerts).toHaveLength(1);
		expect(alerts[0].text).toContain(FAILING_WORKFLOW);
		expect(alerts[0].text).toContain(FAILING_NODE);
		expect(alerts[0].text).toContain('Parked in dead_letter');
	}, 120000);

	test('a transient failure is retried once; when the retry fails too, the retry is parked', async () => {
		await sandboxAdmin(stack.sandbox, 'PUT', '/faults', {
			serviceUnavailable503: 1,
			systems: ['hubspot'],
			pathPattern: `^${TRANSIENT}`,
		});
		const companyId = `transient-${Date.now()}`;
		expect(await readCompany(stack, companyId)).toBe(200);

		const [parked] = await waitFor(
			'the dead-letter row',
			() => deadLetters(companyId)[0] && deadLetters(companyId),
		);
		const [original, retry] = await waitFor('both executions', async () => {
			const runs = await executionsFor(companyId);
			return runs.length === 2 && runs;
		});
		expect([original.status, retry.status]).toEqual(['error', 'error']);
		expect(String(retry.retryOf)).toBe(String(original.id));
		expect(parked).toMatchObject({
			execution_id: String(retry.id),
			retry_of: String(original.id),
			error_type: 'transient',
			http_code: '503',
			park_reason: `the retry of execution ${original.id} failed too`,
			attempts: 2,
			payload: [{ body: { companyId } }],
		});
		expect(deadLetters(companyId)).toHaveLength(1);

		await handlerRunsSucceeded();
		expect(
			log(String(original.id)).map((r) => [
				r.event,
				r.status,
				r.metadata.action ?? r.metadata.retry_status,
			]),
		).toEqual([
			['workflow_failed', 'error', 'retry'],
			['execution_retried', 'error', 'error'],
		]);
		expect(log(String(retry.id)).map((r) => [r.event, r.metadata.action])).toEqual([
			['workflow_failed', 'park'],
		]);

		const [first] = await alertsAbout(original.id);
		expect(first.text).toContain('retrying the execution once');
		const [second] = await alertsAbout(retry.id);
		expect(second.text).toContain(`retry of #${original.id}`);
		expect(second.text).toContain('Parked in dead_letter');
	}, 120000);

	test('a transient failure whose retry succeeds is not parked', async () => {
		// A company that exists, so the retried read can succeed; its first read answers 503, its second does not.
		const seeded = await sandboxAdmin<{ hubspot: { companies: string[] } }>(
			stack.sandbox,
			'POST',
			'/seed',
			{
				hubspot: { records: { companies: [{ name: 'Retry Co', domain: 'retry-co.com' }] } },
			},
		);
		const companyId = seeded.hubspot.companies[0];
		await sandboxAdmin(stack.sandbox, 'PUT', '/faults', {
			serviceUnavailable503: 0.5,
			seed: seedFailingOnce(0.5),
			systems: ['hubspot'],
			pathPattern: `^/crm/v3/objects/companies/${companyId}$`,
		});
		expect(await readCompany(stack, companyId)).toBe(200);

		const [original, retry] = await waitFor('the original run and its retry', async () => {
			const runs = await executionsFor(companyId);
			return runs.length === 2 && runs;
		});
		await handlerRunsSucceeded();
		expect(original.status).toBe('error');
		expect(String(retry.retryOf)).toBe(String(original.id));
		expect((await finishedExecution(stack.n8n, retry.id)).status).toBe('success');
		expect(deadLetters(companyId)).toEqual([]);
		expect(log(String(original.id)).map((r) => [r.event, r.status])).toEqual([
			['workflow_failed', 'error'],
			['execution_retried', 'success'],
		]);
		expect(await alertsAbout(retry.id)).toEqual([]);
	}, 120000);

	test('a parked dead letter is replayed, signed, once the cause is fixed', async () => {
		const seeded = await sandboxAdmin<{ hubspot: { companies: string[] } }>(
			stack.sandbox,
			'POST',
			'/seed',
			{ hubspot: { records: { companies: [{ name: 'Replay Co', domain: 'replay-co.com' }] } } },
		);
		const companyId = seeded.hubspot.companies[0];
		await sandboxAdmin(stack.sandbox, 'PUT', '/faults', {
			serviceUnavailable503: 1,
			systems: ['hubspot'],
			pathPattern: `^/crm/v3/objects/companies/${companyId}$`,
		});
		expect(await readCompany(stack, companyId)).toBe(200);
		const [parked] = await waitFor(
			'the dead-letter row',
			() => deadLetters(companyId)[0] && deadLetters(companyId),
		);
		await handlerRunsSucceeded();
		await sandboxAdmin(stack.sandbox, 'DELETE', '/faults');

		const forged = await fetch(stack.n8n.webhookUrl(REPLAY_PATH), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ id: parked.id }),
		});
		// Unsigned: the Standard Webhooks headers are missing, refused before anything runs.
		expect(forged.status).toBe(400);
		expect(deadLetters(companyId)[0].status).toBe('parked');

		const replay = await replayDeadLetter(stack, parked.id);
		expect(replay.status).toBe(200);
		expect(replay.body).toMatchObject({
			id: String(parked.id),
			status: 'replayed',
			replay_status: 'success',
		});
		const replayId = (replay.body as { replay_execution_id: string }).replay_execution_id;
		const replayed = await finishedExecution(stack.n8n, replayId);
		expect(replayed).toMatchObject({ status: 'success', workflowId: failingId });
		expect(String(replayed.retryOf)).toBe(parked.execution_id);
		expect(deadLetters(companyId)).toEqual([
			expect.objectContaining({ id: parked.id, status: 'replayed', replay_execution_id: replayId }),
		]);

		const again = await replayDeadLetter(stack, parked.id);
		expect(again.body).toMatchObject({ status: 'not replayed' });
		expect(await executionsFor(companyId)).toHaveLength(3);
	}, 120000);
});
