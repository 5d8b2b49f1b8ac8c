// Two-Way Sync in n8n's engine, as template 08 wires it: Plan gets HubSpot's changes (Get Changes items),
// the warehouse's changed rows and the state rows; the writes it plans are "performed" here as the write
// nodes would report them; Apply Outcomes turns them into the state rows to store. The next run with our
// own writes coming back writes nothing (echo); a field edited on both sides is a conflict resolved by the
// strategy; a bad mapping stops the run before any write; a failed write is retried next run.
import type { IDataObject } from 'n8n-workflow';
import { TwoWaySync } from '../../../nodes/TwoWaySync/TwoWaySync.node';
import { RevOpsMetricsApi } from '../../../credentials/RevOpsMetricsApi.credentials';
import { executeNode } from '../helpers/executeNode';
import { metricsIntake, sumOf, untilFlushed } from '../helpers/metricsIntake';

const FIELDS = {
	field: [
		{ source: 'name', target: 'name', type: 'string' },
		{ source: 'domain', target: 'domain', type: 'string', toTarget: 'domain' },
		{ source: 'numberofemployees', target: 'employee_count', type: 'number' },
	],
};

const planParameters = (extra: IDataObject = {}) => ({
	operation: 'plan',
	direction: 'bidirectional',
	strategy: 'last_write_wins',
	fields: FIELDS,
	matchField: 'domain',
	matchNormalize: 'domain',
	deletedColumn: 'deleted_at',
	...extra,
});

const company = (id: string, properties: IDataObject, updatedAt: string, archived = false) => ({
	id,
	properties: { hs_object_id: id, ...properties },
	updatedAt,
	archived,
});
const row = (id: number, values: IDataObject, updatedAt: string) => ({
	id,
	name: null,
	domain: null,
	employee_count: null,
	deleted_at: null,
	...values,
	updated_at: updatedAt,
});

async function plan(
	hubspot: IDataObject[],
	warehouse: IDataObject[],
	state: IDataObject[],
	extra: IDataObject = {},
) {
	return await executeNode({
		node: new TwoWaySync(),
		parameters: planParameters(extra),
		// A read that found nothing gives one empty item, as the template's reads do (Always Output Data).
		inputs: [hubspot, warehouse, state].map((items) => (items.length ? items : [{}])),
	});
}

async function apply(planItem: IDataObject, results: IDataObject[]) {
	return await executeNode({
		node: new TwoWaySync(),
		parameters: { operation: 'apply' },
		inputs: [[planItem], results.length ? results : [{}]],
	});
}

const T1 = '2026-03-01T10:00:00.000Z';
const T2 = '2026-03-01T11:00:00.000Z';
const T3 = '2026-03-01T12:00:00.000Z';

describe('Two-Way Sync', () => {
	test('a first run links matches, creates what each side lacks; the next run writes nothing back (echo)', async () => {
		const hubspot = [
			company('101', { name: 'Acme', domain: 'acme.com', numberofemployees: '50' }, T1),
			company('102', { name: 'Globex', domain: 'globex.com', numberofemployees: '10' }, T1),
		];
		const warehouse = [
			row(1, { name: 'Acme', domain: 'acme.com', employee_count: 50 }, T1),
			row(2, { name: 'Initech', domain: 'initech.com', employee_count: 7 }, T1),
		];
		const first = await plan(hubspot, warehouse, []);
		expect(first.error).toBeUndefined();
		const [toHubSpot, toWarehouse, conflicts, skipped, [planItem]] = first.outputs;
		expect(toHubSpot.map((i) => i.json)).toEqual([
			{
				action: 'create',
				key: 't:2',
				properties: { name: 'Initech', domain: 'initech.com', numberofemployees: '7' },
			},
		]);
		expect(toWarehouse.map((i) => i.json)).toEqual([
			{
				action: 'insert',
				key: 's:102',
				values: { name: 'Globex', domain: 'globex.com', employee_count: 10 },
			},
		]);
		expect(conflicts).toEqual([]);
		// Acme is on both sides already: linked, nothing to write.
		expect(skipped.map((i) => [i.json.side, i.json.id, i.json.reason])).toEqual(
			expect.arrayContaining([
				['hubspot', '101', 'unchanged'],
				['warehouse', '1', 'unchanged'],
			]),
		);
		// Every item pairs with the records it came from (HubSpot input 0, warehouse input 1).
		expect(toWarehouse[0].pairedItem).toEqual([{ item: 1, input: 0 }]);
		expect(toHubSpot[0].pairedItem).toEqual([{ item: 1, input: 1 }]);

		// The write nodes report: HubSpot created Initech as 103, the warehouse inserted Globex as row 3.
		const applied = await apply(planItem.json, [
			{ side: 'hubspot', key: 't:2', ok: true, id: '103', updatedAt: T2 },
			{ side: 'warehouse', key: 's:102', ok: true, id: 3, updatedAt: T2 },
		]);
		expect(applied.error).toBeUndefined();
		const [stateRows, [summary]] = applied.outputs;
		const byKey = Object.fromEntries(stateRows.map((r) => [r.json.key, r.json]));
		expect(byKey['t:2']).toMatchObject({ source_id: '103', target_id: '2', retry: false });
		expect(byKey['s:102']).toMatchObject({ source_id: '102', target_id: '3', retry: false });
		expect(byKey['s:101']).toMatchObject({ source_id: '101', target_id: '1' });
		expect(summary.json).toMatchObject({
			watermarks: { hubspot: T1, warehouse: T1 },
			hubspotWrites: 1,
			warehouseWrites: 1,
			failedWrites: 0,
		});

		// Next run: what we wrote comes back as each side's changes.
		const echo = await plan(
			[company('103', { name: 'Initech', domain: 'initech.com', numberofemployees: '7' }, T2)],
			[row(3, { name: 'Globex', domain: 'globex.com', employee_count: 10 }, T2)],
			stateRows.map((r) => r.json),
		);
		expect(echo.outputs[0]).toEqual([]);
		expect(echo.outputs[1]).toEqual([]);
		expect(echo.outputs[3].map((i) => i.json.reason)).toEqual(['echo', 'echo']);
	});

	test('one field edited on both sides is a conflict, resolved by the strategy; other fields both win', async () => {
		const base = await plan(
			[company('101', { name: 'Acme', domain: 'acme.com', numberofemployees: '50' }, T1)],
			[row(1, { name: 'Acme', domain: 'acme.com', employee_count: 50 }, T1)],
			[],
		);
		const state = (await apply(base.outputs[4][0].json, [])).outputs[0].map((r) => r.json);
		// HubSpot renames Acme (later); the warehouse renames it too and changes the headcount.
		const hubspot = [
			company('101', { name: 'Acme Corp', domain: 'acme.com', numberofemployees: '50' }, T3),
		];
		const warehouse = [row(1, { name: 'ACME Inc', domain: 'acme.com', employee_count: 55 }, T2)];
		for (const [strategy, name] of [
			['source_wins', 'Acme Corp'],
			['target_wins', 'ACME Inc'],
			['last_write_wins', 'Acme Corp'],
		]) {
			const run = await plan(hubspot, warehouse, state, { strategy });
			const [toHubSpot, toWarehouse, conflicts] = run.outputs;
			expect(conflicts.map((c) => [c.json.field, c.json.winner])).toEqual([
				['name', name === 'ACME Inc' ? 'target' : 'source'],
			]);
			// The headcount changed on one side only: it goes across whatever the strategy.
			expect(toHubSpot[0].json.properties).toMatchObject({ numberofemployees: '55' });
			const names = [
				(toHubSpot[0].json.properties as IDataObject).name,
				(toWarehouse[0]?.json.values as IDataObject | undefined)?.name,
			];
			expect(names).toContain(name);
		}
	});

	test('a mapping to a property the records do not have stops the run before any write', async () => {
		const run = await plan(
			[company('101', { name: 'Acme', domain: 'acme.com', numberofemployees: '50' }, T1)],
			[row(1, { name: 'Acme', domain: 'acme.com', employee_count: 50 }, T1)],
			[],
			{
				fields: {
					field: [
						...FIELDS.field,
						{ source: 'annualrevenu', target: 'annual_revenue', type: 'number' },
					],
				},
			},
		);
		expect(run.outputs).toEqual([]);
		expect(run.error?.message).toBe('No HubSpot record read has the property "annualrevenu"');
		const column = await plan(
			[company('101', { name: 'Acme', domain: 'acme.com', numberofemployees: '50' }, T1)],
			[{ id: 1, name: 'Acme', domain: 'acme.com', updated_at: T1 }],
			[],
		);
		expect(column.error?.message).toBe('No warehouse row read has the column "employee_count"');
		const config = await plan([], [], [], { strategy: 'merge', mergeFields: 'tags' });
		expect(config.error?.message).toMatch(/^Merge field 'tags' is not a mapped field/);
	});

	test('reads HubSpot (RevOps) results as they come: Success with Include Input Fields, and Rejected', async () => {
		const first = await plan(
			[],
			[
				row(1, { name: 'Initech', domain: 'initech.com', employee_count: 7 }, T1),
				row(2, { name: 'Hooli', domain: 'hooli.com', employee_count: 8 }, T1),
			],
			[],
		);
		const writes = first.outputs[0].map((i) => i.json);
		expect(writes.map((w) => w.key)).toEqual(['t:1', 't:2']);
		const applied = await apply(first.outputs[4][0].json, [
			// HubSpot (RevOps) Create, Success output with Include Input Fields: the write, and HubSpot's answer.
			{ ...writes[0], hubspot: { id: '301', updatedAt: T2, properties: {} } },
			// Its Rejected output: the reason, and the write under input.
			{ error: 'Property values were not valid', category: 'VALIDATION_ERROR', input: writes[1] },
		]);
		const byKey = Object.fromEntries(applied.outputs[0].map((r) => [r.json.key, r.json]));
		expect(byKey['t:1']).toMatchObject({ source_id: '301', target_id: '1', retry: false });
		expect(byKey['t:2']).toMatchObject({ source_id: null, target_id: '2', retry: true });
		expect(applied.outputs[1][0].json).toMatchObject({
			failures: [{ side: 'hubspot', key: 't:2', error: 'Property values were not valid' }],
		});
	});

	test('a write that failed keeps the link marked for retry; the summary names it', async () => {
		const first = await plan(
			[company('102', { name: 'Globex', domain: 'globex.com', numberofemployees: '10' }, T1)],
			[],
			[],
		);
		const applied = await apply(first.outputs[4][0].json, [
			{
				side: 'warehouse',
				key: 's:102',
				ok: false,
				error: 'duplicate key value violates unique constraint',
			},
		]);
		const [[stateRow], [summary]] = applied.outputs;
		expect(stateRow.json).toMatchObject({
			key: 's:102',
			source_id: '102',
			target_id: null,
			retry: true,
		});
		expect(summary.json).toMatchObject({
			failedWrites: 1,
			retryNextRun: 1,
			failures: [
				{
					side: 'warehouse',
					key: 's:102',
					error: 'duplicate key value violates unique constraint',
				},
			],
		});
		// A result for a write the plan did not hold is refused by name.
		const wrong = await apply(first.outputs[4][0].json, [
			{ side: 'hubspot', key: 's:102', ok: true },
		]);
		expect(wrong.error?.message).toMatch(/No source write was planned for link 's:102'/);
	});

	test('with the metrics credential, a run counts what it read, wrote and decided, and how long it took', async () => {
		const capture = metricsIntake();
		const url = await capture.start();
		try {
			const credentials = [
				{ type: new RevOpsMetricsApi(), data: { url, token: 't', flushSeconds: 0 } },
			];
			const planned = await executeNode({
				node: new TwoWaySync(),
				parameters: planParameters(),
				credentials,
				inputs: [
					[company('102', { name: 'Globex', domain: 'globex.com', numberofemployees: '10' }, T1)],
					[row(1, { name: 'Initech', domain: 'initech.com', employee_count: 7 }, T1)],
					[{}],
				],
			});
			await untilFlushed(() => capture.received.length > 0);
			await executeNode({
				node: new TwoWaySync(),
				parameters: { operation: 'apply' },
				credentials,
				inputs: [
					[planned.outputs[4][0].json],
					[
						{ side: 'hubspot', key: 't:1', ok: true, id: '103', updatedAt: T2 },
						{ side: 'warehouse', key: 's:102', ok: false, error: 'refused' },
					],
				],
			});
			await untilFlushed(() => capture.received.length > 1);
			const snapshots = capture.received.map((r) => r.body);
			const records = (operation: string, outcome: string) =>
				sumOf(
					snapshots,
					'revops_records_total',
					(l) => l.system === 'sync' && l.operation === operation && l.outcome === outcome,
				);
			expect([
				records('plan', 'read_hubspot'),
				records('plan', 'read_warehouse'),
				records('plan', 'write_hubspot'),
				records('plan', 'write_warehouse'),
			]).toEqual([1, 1, 1, 1]);
			expect([
				records('apply', 'written'),
				records('apply', 'failed'),
				records('apply', 'retry'),
			]).toEqual([1, 1, 1]);
			expect(
				sumOf(
					snapshots,
					'revops_node_run_duration_seconds',
					(l) => l.system === 'sync' && l.operation === 'run',
				),
			).toBe(1);
		} finally {
			await capture.stop();
		}
	});
});
