import { randomUUID } from 'node:crypto';
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { failItem, pairedWith } from '../glue/items';
import { drainStarted, drainStartOf, openMetrics, type NodeMetrics } from '../glue/metrics';
import {
	classifyStoreError,
	enqueueAnswer,
	enqueueRecord,
	holdsLock,
	isStoredRow,
	WRITE_NOT_CONFIRMED,
	NEVER,
	ownClaims,
	openRow,
	planDrain,
	reportRows,
	rowKey,
	settle,
	storeUsage,
	tablesFrom,
	DRAIN_LOCK_KEY,
	LOCK_STATE,
	type RowOutcome,
	type StoredQueueRow,
} from '../shared/queue';
import { properties } from './description';
import { META_FIELD, metaOf, outcomeOf } from './outcomes';
import { readKeyFields, readSettings, readToken } from './parameters';

/** Evaluated by the editor to draw the outputs: it must stand alone (no imports). */
const configuredOutputs = (operation: string) => {
	if (operation === 'open')
		return [
			{ type: 'main', displayName: 'Rows' },
			{ type: 'main', displayName: 'Repeats' },
			{ type: 'main', displayName: 'Unreadable' },
		];
	if (operation === 'confirm')
		return [
			{ type: 'main', displayName: 'Stored' },
			{ type: 'main', displayName: 'Not Stored' },
		];
	if (operation === 'checkLock')
		return [
			{ type: 'main', displayName: 'Held' },
			{ type: 'main', displayName: 'Store Refused' },
			{ type: 'main', displayName: 'Held Elsewhere' },
		];
	if (operation === 'usage')
		return [
			{ type: 'main', displayName: 'Within Limit' },
			{ type: 'main', displayName: 'Near or At Cap' },
		];
	if (operation === 'settle')
		return [
			{ type: 'main', displayName: 'Store Updates' },
			{ type: 'main', displayName: 'Done' },
			{ type: 'main', displayName: 'Dead Letters' },
		];
	return [{ type: 'main' }];
};

export class IntakeQueue implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Intake Queue',
		name: 'intakeQueue',
		icon: { light: 'file:intakeQueue.svg', dark: 'file:intakeQueue.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description:
			'Durable intake and batch drains around a Data Table or Postgres node: idempotency keys, atomic claims, leases, retries, dead letters and their replay',
		defaults: { name: 'Intake Queue' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${configuredOutputs})($parameter.operation)}}`,
		credentials: [{ name: 'revOpsMetricsApi', required: false }],
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		const outputs = await operationOutputs.call(this, operation, Date.now());
		const metrics = openMetrics(this);
		if (metrics) {
			recordQueue(
				metrics,
				operation,
				outputs,
				String(this.getNodeParameter('pipeline', 0, '')).trim() || (this.getWorkflow().name ?? ''),
				this.getExecutionId(),
			);
			void metrics.flush();
		}
		return outputs;
	}
}

/** What a queue step tells about the pipeline: rows stored, claimed, settled; the drain's duration. */
function recordQueue(
	metrics: NodeMetrics,
	operation: string,
	outputs: INodeExecutionData[][],
	pipeline: string,
	executionId: string,
): void {
	const now = Date.now();
	const rows = (outcome: string, n: number) =>
		metrics.count('revops_queue_rows_total', { pipeline, outcome }, n);
	const metaOfItem = (item: INodeExecutionData) => metaOf(item.json);
	const ages = (list: INodeExecutionData[] = []) =>
		list.map(metaOfItem).flatMap((meta) => (meta ? [(now - meta.receivedAt) / 1000] : []));
	switch (operation) {
		case 'confirm': {
			// A repeat the store recognised (PostgreSQL's enqueue answers stored: false) adds no backlog.
			const stored = outputs[0] ?? [];
			const repeats = stored.filter((item) => enqueueAnswer(item.json) === 'repeat').length;
			rows('stored', stored.length - repeats);
			rows('repeat', repeats);
			return;
		}
		case 'storeFailure':
			for (const item of outputs[0] ?? [])
				metrics.count('revops_queue_store_failures_total', {
					pipeline,
					kind: String(item.json.kind ?? 'unavailable'),
				});
			return;
		case 'startDrain':
			drainStarted(executionId, now);
			return;
		case 'open': {
			const claimed = ages(outputs.flat());
			metrics.observe('revops_queue_batch_size', { pipeline }, claimed.length);
			if (claimed.length)
				metrics.gauge(
					'revops_queue_oldest_pending_age_seconds',
					{ pipeline },
					Math.max(...claimed),
				);
			return;
		}
		case 'settle': {
			const updates = (outputs[0] ?? []).map((item) => item.json);
			const states = { done: 0, retried: 0, dead: 0 };
			for (const update of updates) {
				if (update.state === 'done') states.done++;
				else if (update.state === 'dead') states.dead++;
				else if (update.state === 'pending') states.retried++;
			}
			for (const [outcome, n] of Object.entries(states)) rows(outcome, n);
			for (const age of [...ages(outputs[1]), ...ages(outputs[2])])
				metrics.observe('revops_queue_row_latency_seconds', { pipeline }, age);
			const startedAt = drainStartOf(executionId);
			if (startedAt !== undefined)
				metrics.observe(
					'revops_queue_drain_duration_seconds',
					{ pipeline },
					(now - startedAt) / 1000,
				);
			return;
		}
	}
}

async function operationOutputs(
	this: IExecuteFunctions,
	operation: string,
	now: number,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	switch (operation) {
		case 'enqueue': {
			const keyFields = readKeyFields(this);
			return [
				items.map((item, index) => ({
					json: enqueueRecord(stripMeta(item.json), keyFields, now) as unknown as IDataObject,
					pairedItem: { item: index },
				})),
			];
		}
		case 'storeFailure': {
			const table = String(this.getNodeParameter('table', 0, 'revops_clay_intake'));
			const retryAfter = Number(this.getNodeParameter('retryAfter', 0, 60));
			return [
				items.map((item, index) => {
					const refusal = classifyStoreError(errorText(item.json), table, retryAfter);
					return {
						json: {
							...refusal,
							retryAfter: refusal.retryAfter ?? '',
							body: { error: refusal.reason, action: refusal.action },
							// One alert per kind and hour is enough when every row is refused the same way.
							alertKey: `${refusal.kind}:${new Date(now).toISOString().slice(0, 13)}`,
						},
						pairedItem: { item: index },
					};
				}),
			];
		}
		case 'startDrain': {
			const settings = readSettings(this);
			// A retry of an execution gets the trigger's item again: the same token makes it the same run.
			const token = this.getNodeParameter('tokenFromTrigger', 0, false)
				? `run-${rowKey(items[0]?.json ?? {}, []).slice(0, 32)}`
				: randomUUID();
			const plan = planDrain(settings, now, token);
			return [
				[
					{
						json: { ...plan, lockKey: DRAIN_LOCK_KEY, lockState: LOCK_STATE, never: NEVER },
						pairedItem: { item: 0 },
					},
				],
			];
		}
		case 'confirm': {
			const stored: INodeExecutionData[] = [];
			const refused: INodeExecutionData[] = [];
			items.forEach((item, index) => {
				if (isStoredRow(item.json) || enqueueAnswer(item.json))
					stored.push({ json: item.json, pairedItem: { item: index } });
				else refused.push({ json: { error: WRITE_NOT_CONFIRMED }, pairedItem: { item: index } });
			});
			return [stored, refused];
		}
		case 'checkLock': {
			const token = readToken(this);
			const paired = pairedWith(items.map((_, i) => i));
			const rows = items.map((item) => item.json as Partial<StoredQueueRow>);
			if (holdsLock(rows, token))
				return [[{ json: { token, lock: 'held' }, pairedItem: paired }], [], []];
			// The lock row came back with another run's token (a store that returns it either way, e.g.
			// revops_queue_lock): say until when, so the run can log why it did nothing.
			const other = rows.find((row) => row.key === DRAIN_LOCK_KEY);
			if (other)
				return [
					[],
					[],
					[
						{
							json: {
								token,
								lock: 'elsewhere',
								heldUntil: new Date(Number(other.available_at) || 0).toISOString(),
							},
							pairedItem: paired,
						},
					],
				];
			// Items came back but none is a row of the store: the update failed and was passed on as data.
			// ({success: true} is the Postgres node's "the statement ran and returned no row".)
			const refused = items.filter((item) => !isStoredRow(item.json) && !isNoRowsAnswer(item.json));
			if (refused.length && !items.some((item) => isStoredRow(item.json)))
				return [[], [{ json: { error: WRITE_NOT_CONFIRMED }, pairedItem: paired }], []];
			return [[], [], []];
		}
		case 'open':
			return openClaimed(items, readToken(this));
		case 'usage': {
			const capMiB = Number(this.getNodeParameter('capMiB', 0, 200));
			const warnPercent = Number(this.getNodeParameter('warnPercent', 0, 80));
			const tables = tablesFrom(items.map((item) => item.json));
			if (!tables.length)
				throw new NodeOperationError(this.getNode(), 'No data table sizes in the input', {
					description:
						'Connect an HTTP Request node that GETs <n8n URL>/api/v1/data-tables?limit=250 with your n8n API credential (scope dataTable:list): each table comes with its sizeBytes',
				});
			const usage = storeUsage(tables, capMiB * 1024 * 1024, warnPercent, now);
			const out = [
				{ json: usage as unknown as IDataObject, pairedItem: pairedWith(items.map((_, i) => i)) },
			];
			return usage.level === 'ok' ? [out, []] : [[], out];
		}
		case 'report':
			return [
				[
					{
						json: reportRows(items.map((item) => item.json)) as unknown as IDataObject,
						pairedItem: pairedWith(items.map((_, i) => i)),
					},
				],
			];
		case 'settle':
			return settleOutcomes(this, items, now);
		default:
			throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}"`);
	}
}

/** The Postgres node's item for a statement that returned no row. */
function isNoRowsAnswer(json: IDataObject): boolean {
	const keys = Object.keys(json);
	return keys.length === 1 && json.success === true;
}

/** A row coming back for a second intake (a replayed dead letter) must not nest its old metadata. */
function stripMeta(json: IDataObject): Record<string, unknown> {
	const row: Record<string, unknown> = { ...json };
	delete row[META_FIELD];
	return row;
}

/**
 * The store's error as one text. n8n's nodes pass a failure on in different shapes: the Data Table node as
 * `error` (text, or {message, description}); the Postgres node as `message` (the database's words, e.g.
 * 'relation "x" does not exist') beside `error` {description: "Failed query: …"}.
 */
function errorText(json: IDataObject): string {
	const error = json.error;
	if (typeof error === 'string') return error;
	const parts: unknown[] = [];
	if (error && typeof error === 'object') {
		const { message, description } = error as IDataObject;
		parts.push(message, json.message, description);
	} else parts.push(json.message);
	return [
		...new Set(parts.filter((part): part is string => typeof part === 'string' && !!part)),
	].join(': ');
}

/**
 * This drain's rows as pipeline items. A row whose key came earlier in the same claim (the same row delivered
 * twice before a drain ran) goes to Repeats, to be settled done without a second effect.
 */
function openClaimed(items: INodeExecutionData[], token: string): INodeExecutionData[][] {
	const rows: INodeExecutionData[] = [];
	const repeats: INodeExecutionData[] = [];
	const unreadable: INodeExecutionData[] = [];
	const seen = new Set<string>();
	items.forEach((item, index) => {
		const { mine } = ownClaims([item.json as Partial<StoredQueueRow>], token);
		if (!mine.length) return;
		const pairedItem = { item: index };
		const opened = openRow(mine[0], token);
		const meta = { ...opened.meta };
		if (!opened.ok) {
			unreadable.push({
				json: { [META_FIELD]: meta, error: opened.reason, permanent: true },
				pairedItem,
			});
			return;
		}
		if (seen.has(meta.key)) {
			repeats.push({ json: { [META_FIELD]: { ...meta, repeat: true } }, pairedItem });
			return;
		}
		seen.add(meta.key);
		rows.push({ json: { ...opened.row, [META_FIELD]: meta } as IDataObject, pairedItem });
	});
	return [rows, repeats, unreadable];
}

function settleOutcomes(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	now: number,
): INodeExecutionData[][] {
	const settings = readSettings(context);
	const outcomes: RowOutcome[] = [];
	const firstItem = new Map<number, number>();
	const problems: INodeExecutionData[] = [];
	items.forEach((item, index) => {
		const meta = metaOf(item.json);
		if (!meta) {
			problems.push(
				failItem(
					context,
					index,
					`The item has no ${META_FIELD} field: connect Settle Outcomes to items that come from Open Claimed Rows (a Rejected output keeps it under "input")`,
				),
			);
			return;
		}
		const outcome = outcomeOf(item.json, meta);
		outcomes.push(outcome);
		if (!firstItem.has(meta.id)) firstItem.set(meta.id, index);
	});
	const settlement = settle(outcomes, now, settings);
	const tokenOf = new Map(outcomes.map((outcome) => [outcome.meta.id, outcome.meta.token]));
	const paired = (id: number) => ({ item: firstItem.get(id) ?? 0 });

	const updates = settlement.updates.map((update) => ({
		json: { ...update, token: tokenOf.get(update.id) ?? '' } as unknown as IDataObject,
		pairedItem: paired(update.id),
	}));
	const done = settlement.done.map((meta) => ({
		json: items[firstItem.get(meta.id)!].json,
		pairedItem: paired(meta.id),
	}));
	const dead = settlement.dead.map(({ meta, reason, attempts }) => {
		const json = items[firstItem.get(meta.id)!].json;
		return {
			json: {
				queueId: meta.id,
				key: meta.key,
				reason,
				attempts,
				row: stripMeta((json.input as IDataObject) ?? json) as IDataObject,
			},
			pairedItem: paired(meta.id),
		};
	});
	return [[...updates, ...problems], done, dead];
}
