// Get Changes against the sandbox HubSpot, as an incremental sync uses it: each run reads what changed
// since the last run's watermark (updates, creates, deletes), past the search result cap, and a write that
// search shows only after its index lag is read by the next run thanks to the overlap.
import type { IDataObject } from 'n8n-workflow';
import { admin, FAST, runHubSpot, useHubSpotSandbox } from '../helpers/hubspotSandbox';

const t = useHubSpotSandbox();

const getChanges = (changedSince: string, extra: IDataObject = {}) => ({
	resource: 'company',
	operation: 'getChanges',
	changedSince,
	overlapSeconds: 0,
	...extra,
	options: { ...FAST, properties: ['name', 'domain'] },
});

const now = async () => Number((await admin(t.sb, 'GET', '/clock')).now);
const advance = async (ms: number) => await admin(t.sb, 'POST', '/clock/advance', { ms });

async function createCompanies(names: string[]) {
	const run = await runHubSpot(
		t.sb,
		{ resource: 'company', operation: 'create', options: FAST },
		names.map((name) => ({ name, domain: `${name}.example` })),
	);
	return run.outputs[0].map((item) => String(item.json.id));
}

/** A user's edit in HubSpot, straight at its API. */
async function hubspot(method: string, path: string, body?: unknown) {
	const response = await fetch(`${t.sb.hubspotUrl}${path}`, {
		method,
		headers: { authorization: 'Bearer pat-sandbox', 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
}

const namesOf = (items: Array<{ json: IDataObject }>) =>
	items.map((item) => String((item.json.properties as IDataObject).name)).sort();

test('each run reads what changed since the last one: edits, creates and deletes, each once', async () => {
	const ids = await createCompanies(['acme', 'globex', 'initech']);
	await advance(1000);
	const first = await runHubSpot(t.sb, getChanges(''), [{}]);
	expect(namesOf(first.outputs[0])).toEqual(['acme', 'globex', 'initech']);
	const watermark = Math.max(...first.outputs[0].map((i) => Date.parse(String(i.json.updatedAt))));

	await advance(1000);
	await hubspot('PATCH', `/crm/v3/objects/companies/${ids[1]}`, {
		properties: { name: 'globex-renamed' },
	});
	await createCompanies(['umbrella']);
	await hubspot('DELETE', `/crm/v3/objects/companies/${ids[2]}`);
	const second = await runHubSpot(t.sb, getChanges(new Date(watermark).toISOString()), [{}]);
	// Changed Since is inclusive: a record last modified exactly at the watermark (one created in the same
	// millisecond as the newest of the first run) is read again; a sync sees it unchanged.
	const atWatermark = (item: { json: IDataObject }) =>
		!item.json.archived && Date.parse(String(item.json.updatedAt)) === watermark;
	expect(
		second.outputs[0]
			.filter((item) => !atWatermark(item))
			.map((i) => [(i.json.properties as IDataObject).name, i.json.archived]),
	).toEqual([
		['globex-renamed', false],
		['umbrella', false],
		['initech', true],
	]);
	expect(second.outputs[0].every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
		true,
	);
});

test('past the search result cap, every changed record arrives once', async () => {
	await admin(t.sb, 'PUT', '/hubspot/settings', { searchMaxResults: 40 });
	const names = Array.from({ length: 130 }, (_, i) => `co${String(i).padStart(3, '0')}`);
	for (let i = 0; i < names.length; i += 50) await createCompanies(names.slice(i, i + 50));
	const run = await runHubSpot(t.sb, getChanges('', { includeArchived: false }), [{}]);
	expect(namesOf(run.outputs[0])).toEqual(names);
});

test('a write search has not indexed yet is read by the next run, within the overlap', async () => {
	await admin(t.sb, 'PUT', '/hubspot/settings', { searchIndexLagMs: 5000 });
	const since = await now();
	await createCompanies(['late']);
	// Indexed 5 s later: this run does not see it, and its watermark does not move past it.
	expect((await runHubSpot(t.sb, getChanges(String(since)), [{}])).outputs[0]).toEqual([]);
	await advance(6000);
	const later = await runHubSpot(t.sb, getChanges(String(since), { overlapSeconds: 10 }), [{}]);
	expect(namesOf(later.outputs[0])).toEqual(['late']);
});

test('a Changed Since that is not a time: the item on Rejected, naming the field', async () => {
	const run = await runHubSpot(t.sb, getChanges('last tuesday'), [{}]);
	expect(run.outputs[0]).toEqual([]);
	expect(String(run.outputs[1][0].json.error)).toMatch(
		/^Changed Since "last tuesday" is not a time/,
	);
});

test('Properties Field: writes the values held in one field of each item (a sync write), and names it when absent', async () => {
	const run = await runHubSpot(
		t.sb,
		{
			resource: 'company',
			operation: 'create',
			propertiesMode: 'mapInput',
			options: { ...FAST, propertiesField: 'properties', includeInputFields: true },
		},
		[
			{ key: 't:7', action: 'create', properties: { name: 'Nested', domain: 'nested.example' } },
			{ key: 't:8', action: 'create' },
		],
	);
	expect(run.outputs[0]).toHaveLength(1);
	expect(run.outputs[0][0].json).toMatchObject({
		key: 't:7',
		hubspot: { properties: { name: 'Nested', domain: 'nested.example' } },
	});
	expect(run.outputs[1][0].json).toMatchObject({ input: { key: 't:8' } });
	expect(String(run.outputs[1][0].json.error)).toMatch(
		/^Properties Field: the item has no object in "properties"/,
	);
});
