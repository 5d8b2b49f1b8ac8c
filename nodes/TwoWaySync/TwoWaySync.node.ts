import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPairedItemData,
} from 'n8n-workflow';
import {
	applyOutcomes,
	planSync,
	type LinkState,
	type SideRecord,
	type SyncPlan,
} from '../shared/sync';
import { readInstant } from '../shared/sync/instant';
import { openMetrics, type NodeMetrics } from '../glue/metrics';
import { properties } from './description';
import { readPlanParameters } from './parameters';
import {
	configProblem,
	hubspotRecords,
	linkRows,
	nextWatermark,
	RecordError,
	stateRow,
	warehouseRecords,
	writeOutcome,
	type PlanItem,
} from './records';

const PLAN_INPUTS = ['HubSpot Changes', 'Warehouse Changes', 'Sync State'];
const APPLY_INPUTS = ['Plan', 'Write Results'];

// Inputs and outputs follow the operation (as n8n's Merge node does with its input count).
const inputsOf = (operation: string) =>
	(operation === 'apply'
		? ['Plan', 'Write Results']
		: ['HubSpot Changes', 'Warehouse Changes', 'Sync State']
	).map((displayName) => ({ type: 'main', displayName }));
const outputsOf = (operation: string) =>
	(operation === 'apply'
		? ['State Rows', 'Summary']
		: ['HubSpot Writes', 'Warehouse Writes', 'Conflicts', 'Skipped', 'Plan']
	).map((displayName) => ({ type: 'main', displayName }));

const msOf = (value: SideRecord['updatedAt']) => {
	if (value === undefined) return undefined;
	const read = readInstant(value);
	return read.ms;
};
const isoOf = (ms: number | undefined) =>
	ms === undefined ? undefined : new Date(ms).toISOString();

/** A mapped property or column that no record read holds: a misspelt name, or one the read did not return. */
function missingField(records: SideRecord[], names: string[]): string | undefined {
	const live = records.filter((r) => !r.deleted);
	if (!live.length) return undefined;
	return names.find(
		(name) => !live.some((r) => Object.prototype.hasOwnProperty.call(r.values, name)),
	);
}

export class TwoWaySync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Two-Way Sync',
		name: 'twoWaySync',
		icon: { light: 'file:twoWaySync.svg', dark: 'file:twoWaySync.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{$parameter["operation"] === "apply" ? "Apply outcomes" : "Plan: " + $parameter["strategy"]}}',
		description:
			'Two-way sync of HubSpot records and a warehouse table: per-field conflict resolution, filters, field maps, deletes and no echo',
		defaults: { name: 'Two-Way Sync' },
		inputs: `={{(${inputsOf})($parameter.operation)}}`,
		outputs: `={{(${outputsOf})($parameter.operation)}}`,
		credentials: [{ name: 'revOpsMetricsApi', required: false }],
		usableAsTool: true,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		return operation === 'apply' ? applyRun(this) : planRun(this);
	}
}

function recordError(
	context: IExecuteFunctions,
	inputs: string[],
	input: number,
	error: unknown,
): never {
	if (error instanceof RecordError)
		throw new NodeOperationError(
			context.getNode(),
			`${inputs[input]} item ${error.index} ${error.message}`,
			{ itemIndex: error.index, description: 'Nothing was written.' },
		);
	throw error;
}

/** What a sync run did, counted per outcome as `revops_records_total{system="sync"}`. */
function record(metrics: NodeMetrics, operation: string, counts: Record<string, number>): void {
	for (const [outcome, n] of Object.entries(counts))
		if (n) metrics.count('revops_records_total', { system: 'sync', operation, outcome }, n);
}

function planRun(context: IExecuteFunctions): INodeExecutionData[][] {
	const startedAt = Date.now();
	const { config, columns, checkFields } = readPlanParameters(context);
	const problem = configProblem(config);
	if (problem)
		throw new NodeOperationError(context.getNode(), problem, {
			description:
				'Nothing was written. Fix the Fields, Merge Fields, Match or Filter settings of this node.',
		});
	const input = (index: number) => context.getInputData(index).map((item) => item.json);
	let source: ReturnType<typeof hubspotRecords> = [];
	let target: ReturnType<typeof warehouseRecords> = [];
	let links: ReturnType<typeof linkRows> = [];
	try {
		source = hubspotRecords(input(0));
	} catch (error) {
		recordError(context, PLAN_INPUTS, 0, error);
	}
	try {
		target = warehouseRecords(input(1), columns);
	} catch (error) {
		recordError(context, PLAN_INPUTS, 1, error);
	}
	try {
		links = linkRows(input(2));
	} catch (error) {
		recordError(context, PLAN_INPUTS, 2, error);
	}

	if (checkFields) {
		const checks = [
			{
				missing: missingField(
					source.map((s) => s.record),
					config.fields.map((f) => f.source),
				),
				what: 'HubSpot record read has the property',
				fix: 'Check the HubSpot Property name in Fields (the internal name), and that HubSpot (RevOps) Get Changes → Properties to Return includes it.',
			},
			{
				missing: missingField(
					target.map((t) => t.record),
					config.fields.map((f) => f.target),
				),
				what: 'warehouse row read has the column',
				fix: 'Check the Warehouse Column name in Fields, and that the query reading the warehouse selects it.',
			},
		];
		for (const { missing, what, fix } of checks)
			if (missing)
				throw new NodeOperationError(context.getNode(), `No ${what} "${missing}"`, {
					description: `Nothing was written. ${fix}`,
				});
	}

	const plan = planSync(config, {
		source: source.map((s) => s.record),
		target: target.map((t) => t.record),
		state: links.map((l) => l.link),
	});

	const sourceItem = new Map(source.map((s) => [s.record.id, s.index]));
	const targetItem = new Map(target.map((t) => [t.record.id, t.index]));
	const stateItem = new Map(links.map((l) => [l.link.key, l.index]));
	const linkOf = new Map<string, LinkState>(plan.nextState.map((l) => [l.key, l]));
	const fallback = firstItems(context, 3);
	const pairsOf = (key: string | undefined, ids: { source?: string; target?: string } = {}) => {
		const link = key ? linkOf.get(key) : undefined;
		const pairs: IPairedItemData[] = [];
		const s = sourceItem.get(ids.source ?? link?.sourceId ?? '');
		const t = targetItem.get(ids.target ?? link?.targetId ?? '');
		if (s !== undefined) pairs.push({ item: s, input: 0 });
		if (t !== undefined) pairs.push({ item: t, input: 1 });
		const k = key ? stateItem.get(key) : undefined;
		if (k !== undefined) pairs.push({ item: k, input: 2 });
		return pairs.length ? pairs : fallback;
	};

	const hubspot: INodeExecutionData[] = [];
	const warehouse: INodeExecutionData[] = [];
	const { source: toHubSpot, target: toWarehouse } = plan.writes;
	for (const w of toHubSpot.creates)
		hubspot.push({
			json: { action: 'create', key: w.key, properties: w.values },
			pairedItem: pairsOf(w.key),
		});
	for (const w of toHubSpot.updates)
		hubspot.push({
			json: { action: 'update', key: w.key, id: w.id, properties: w.values },
			pairedItem: pairsOf(w.key),
		});
	for (const w of toHubSpot.deletes)
		hubspot.push({ json: { action: 'archive', key: w.key, id: w.id }, pairedItem: pairsOf(w.key) });
	for (const w of toWarehouse.creates)
		warehouse.push({
			json: { action: 'insert', key: w.key, values: w.values as IDataObject },
			pairedItem: pairsOf(w.key),
		});
	for (const w of toWarehouse.updates)
		warehouse.push({
			json: { action: 'update', key: w.key, id: w.id, values: w.values as IDataObject },
			pairedItem: pairsOf(w.key),
		});
	for (const w of toWarehouse.deletes)
		warehouse.push({
			json: { action: 'delete', key: w.key, id: w.id },
			pairedItem: pairsOf(w.key),
		});

	const conflicts = plan.conflicts.map((c) => ({
		json: { ...c } as unknown as IDataObject,
		pairedItem: pairsOf(c.key),
	}));
	const skipped = plan.skipped.map((s) => ({
		json: { ...s, side: s.side === 'source' ? 'hubspot' : 'warehouse' } as unknown as IDataObject,
		pairedItem: pairsOf(s.key, s.side === 'source' ? { source: s.id } : { target: s.id }),
	}));

	const planItem: PlanItem = {
		plannedAt: Date.now(),
		nextState: plan.nextState,
		onFailure: plan.onFailure,
		writes: {
			hubspot: hubspot.map((i) => ({ key: String(i.json.key), action: i.json.action as never })),
			warehouse: warehouse.map((i) => ({
				key: String(i.json.key),
				action: i.json.action as never,
			})),
		},
		watermarks: {
			hubspot: isoOf(
				nextWatermark(
					source.map((s) => s.record),
					undefined,
					msOf,
				),
			),
			warehouse: isoOf(
				nextWatermark(
					target.map((t) => t.record),
					undefined,
					msOf,
				),
			),
		},
		counts: {
			hubspotRead: source.length,
			warehouseRead: target.length,
			hubspotWrites: hubspot.length,
			warehouseWrites: warehouse.length,
			conflicts: conflicts.length,
			skipped: skipped.length,
		},
	};
	const metrics = openMetrics(context);
	if (metrics) {
		record(metrics, 'plan', {
			read_hubspot: source.length,
			read_warehouse: target.length,
			write_hubspot: hubspot.length,
			write_warehouse: warehouse.length,
			conflict: conflicts.length,
			skipped: skipped.length,
		});
		metrics.observe(
			'revops_node_run_duration_seconds',
			{ system: 'sync', operation: 'plan' },
			(Date.now() - startedAt) / 1000,
		);
		void metrics.flush();
	}
	return [
		hubspot,
		warehouse,
		conflicts,
		skipped,
		[{ json: planItem as unknown as IDataObject, pairedItem: fallback }],
	];
}

/** The first item of each input that has one: what a run-level item pairs with. */
function firstItems(context: IExecuteFunctions, inputs: number): IPairedItemData[] {
	const pairs: IPairedItemData[] = [];
	for (let input = 0; input < inputs; input++)
		if (context.getInputData(input).length) pairs.push({ item: 0, input });
	return pairs.length ? pairs : [{ item: 0 }];
}

function applyRun(context: IExecuteFunctions): INodeExecutionData[][] {
	const planItems = context.getInputData(0);
	if (planItems.length !== 1 || !Array.isArray(planItems[0].json.nextState))
		throw new NodeOperationError(
			context.getNode(),
			`The Plan input needs the one item of the Plan operation’s Plan output; it got ${planItems.length} item(s)${planItems.length === 1 ? ' without nextState' : ''}`,
			{
				description: 'Connect the Plan output of the Two-Way Sync (Plan) node to the first input.',
			},
		);
	const saved = planItems[0].json as unknown as PlanItem;
	const results = context.getInputData(1);
	const outcomes = results
		.filter((item) => Object.keys(item.json).length)
		.map((item, index) => {
			try {
				return writeOutcome(item.json, index);
			} catch (error) {
				return recordError(context, APPLY_INPUTS, 1, error);
			}
		});
	const plan = {
		writes: {
			source: {
				creates: saved.writes.hubspot.filter((w) => w.action === 'create'),
				updates: saved.writes.hubspot.filter((w) => w.action === 'update'),
				deletes: saved.writes.hubspot.filter((w) => w.action === 'archive'),
			},
			target: {
				creates: saved.writes.warehouse.filter((w) => w.action === 'insert'),
				updates: saved.writes.warehouse.filter((w) => w.action === 'update'),
				deletes: saved.writes.warehouse.filter((w) => w.action === 'delete'),
			},
		},
		nextState: saved.nextState,
		onFailure: saved.onFailure,
		conflicts: [],
		skipped: [],
	} as unknown as SyncPlan;
	let rows: LinkState[];
	try {
		rows = applyOutcomes(plan, outcomes);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message, {
			description: 'Each write result needs the key of a write of this run’s plan.',
		});
	}
	const failed = outcomes.filter((o) => !o.ok);
	const metrics = openMetrics(context);
	if (metrics) {
		record(metrics, 'apply', {
			written: outcomes.length - failed.length,
			failed: failed.length,
			retry: rows.filter((r) => r.retry).length,
		});
		// The sync run: from its plan to the outcomes of its writes.
		if (typeof saved.plannedAt === 'number')
			metrics.observe(
				'revops_node_run_duration_seconds',
				{ system: 'sync', operation: 'run' },
				(Date.now() - saved.plannedAt) / 1000,
			);
		void metrics.flush();
	}
	const pairedItem: IPairedItemData = { item: 0, input: 0 };
	return [
		rows.map((row) => ({ json: stateRow(row), pairedItem })),
		[
			{
				json: {
					watermarks: saved.watermarks as IDataObject,
					...saved.counts,
					stateRows: rows.length,
					failedWrites: failed.length,
					retryNextRun: rows.filter((r) => r.retry).length,
					failures: failed.map((f) => ({
						side: f.side === 'source' ? 'hubspot' : 'warehouse',
						key: f.key,
						error: f.ok === false ? (f.error ?? null) : null,
					})),
				},
				pairedItem,
			},
		],
	];
}
