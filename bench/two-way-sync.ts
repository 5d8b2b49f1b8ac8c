// Issue 17 benchmark: template 08 (HubSpot ⇄ warehouse two-way sync) in a real n8n 2.41.1 with the sandbox
// HubSpot (Free tier: 100 calls per 10 s, search 5 per s) and a real PostgreSQL. Per conflict strategy, on a
// fresh stack: 10,000 companies on each side, linked by a first run; then, between two runs, 5 % edited in
// HubSpot, 5 % in the warehouse, 1 % edited on both sides (half the same field, half different fields),
// 0.5 % deleted (half archived in HubSpot, half soft-deleted in the warehouse), 1 % created on each side.
// The run after those changes is measured: its HubSpot calls (the sandbox's request log), its time beside what
// HubSpot's rate limit alone requires for those calls, and the result on both sides against an oracle written
// here, apart from the engine (what each change should leave on each side); then one more run, which should
// write nothing (echo).
// Run: npm run build && npx tsx bench/two-way-sync.ts   (BENCH_COMPANIES, default 10000; BENCH_STRATEGIES)
import { startStack, type Stack } from '../dev/stack/stack';
import { sandboxAdmin } from '../dev/stack/support';
import {
	lastSummary,
	runSync,
	seedHubSpot,
	SLUG,
	useStrategy,
	type RunSummary,
} from '../dev/demos/08-hubspot-warehouse-sync';
import { writeBenchmarksSection } from './lib/benchmarksSection';

const N = Number(process.env.BENCH_COMPANIES ?? 10_000);
const STRATEGIES = (
	process.env.BENCH_STRATEGIES ?? 'last_write_wins,source_wins,target_wins,merge'
).split(',');
const FREE_TIER = { perTenSeconds: 100, searchPerSecond: 5 };
const BENCH_TOKEN = 'pat-bench-edits';

/** The disjoint sets of changes between the two runs, by company index. */
const share = (fraction: number) => Math.round(N * fraction);
const RANGES = (() => {
	let at = 0;
	const take = (count: number) => {
		const range = [at, at + count] as const;
		at += count;
		return range;
	};
	return {
		hubspotEdit: take(share(0.05)),
		warehouseEdit: take(share(0.05)),
		bothSameField: take(share(0.005)),
		bothOtherFields: take(share(0.005)),
		hubspotDelete: take(share(0.0025)),
		warehouseDelete: take(share(0.0025)),
	};
})();
const CREATES = share(0.01);
/** The interval before the measured one: one edit on each side (companies outside the changed ranges). */
const WARM = { hubspot: N - 1, warehouse: N - 2 };
/** The template's Get Changes overlap and warehouse read overlap (60 s), plus a margin. */
const PAST_OVERLAP_MS = 65_000;
const inRange = (i: number, [from, to]: readonly [number, number]) => i >= from && i < to;
const indexes = ([from, to]: readonly [number, number]) =>
	Array.from({ length: to - from }, (_, k) => from + k);

interface Company {
	name: string;
	domain: string;
	city: string;
	employees: number;
	industry: string;
}

const base = (i: number): Company => ({
	name: `Company ${i}`,
	domain: `co${i}.example`,
	city: `City ${i % 50}`,
	employees: 10 + (i % 500),
	industry: 'Software;Retail',
});
const created = (side: 'hs' | 'pg', j: number): Company => ({
	name: `New ${side} ${j}`,
	domain: `${side}new${j}.example`,
	city: `${side} city ${j}`,
	employees: 1 + j,
	industry: 'Software',
});

/**
 * The oracle: what both sides should hold after the measured run, from the list of changes alone. The
 * warehouse's edits are made after HubSpot's, so "last write" is the warehouse's; merge merges only the
 * list field (industry) and resolves the rest by last write.
 */
function expected(strategy: string): { live: Map<string, Company>; deleted: Set<string> } {
	const live = new Map<string, Company>();
	const deleted = new Set<string>();
	for (let i = 0; i < N; i++) {
		const company = base(i);
		if (inRange(i, RANGES.hubspotDelete) || inRange(i, RANGES.warehouseDelete)) {
			deleted.add(company.domain);
			continue;
		}
		if (inRange(i, RANGES.hubspotEdit) || inRange(i, RANGES.bothOtherFields))
			company.city = `HS city ${i}`;
		if (inRange(i, RANGES.warehouseEdit) || inRange(i, RANGES.bothOtherFields))
			company.employees = 5000 + i;
		if (inRange(i, RANGES.bothSameField))
			company.name = strategy === 'source_wins' ? `HS name ${i}` : `PG name ${i}`;
		if (i === WARM.hubspot) company.city = 'Warm city';
		if (i === WARM.warehouse) company.employees = 4242;
		live.set(company.domain, company);
	}
	for (let j = 0; j < CREATES; j++)
		for (const side of ['hs', 'pg'] as const) live.set(created(side, j).domain, created(side, j));
	return { live, deleted };
}

async function hubspotApi(stack: Stack, path: string, body: unknown): Promise<void> {
	const response = await fetch(`${stack.sandbox.hubspotUrl}${path}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${BENCH_TOKEN}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

interface HubSpotRecord {
	id: string;
	archived: boolean;
	properties: Record<string, string | null>;
}

const hubspotRecords = async (stack: Stack) =>
	(
		await sandboxAdmin<{ results: HubSpotRecord[] }>(
			stack.sandbox,
			'GET',
			'/hubspot/objects/companies',
		)
	).results;

async function seed(stack: Stack): Promise<string[]> {
	const ids = await seedHubSpot(
		stack.sandbox,
		Array.from({ length: N }, (_, i) => base(i)),
	);
	stack.warehouse.exec(`
		INSERT INTO crm_companies (name, domain, city, employee_count, industry)
		SELECT 'Company ' || i, 'co' || i || '.example', 'City ' || (i % 50), 10 + (i % 500), 'Software;Retail'
		FROM generate_series(0, ${N - 1}) AS i;
	`);
	return ids;
}

async function benchToken(stack: Stack): Promise<void> {
	await sandboxAdmin(stack.sandbox, 'POST', '/hubspot/tokens', {
		token: BENCH_TOKEN,
		limits: { tenSecondly: 1_000_000, searchPerSecond: 1000, daily: 100_000_000 },
	});
}

/** One edit on each side in the interval before the measured one. */
async function warmUp(stack: Stack, ids: string[]): Promise<void> {
	await benchToken(stack);
	await hubspotApi(stack, '/crm/v3/objects/companies/batch/update', {
		inputs: [{ id: ids[WARM.hubspot], properties: { city: 'Warm city' } }],
	});
	stack.warehouse.exec(
		`UPDATE crm_companies SET employee_count = 4242 WHERE domain = 'co${WARM.warehouse}.example';`,
	);
}

/** The changes between the two runs: HubSpot's first (through its API), then the warehouse's. */
async function change(stack: Stack, ids: string[]): Promise<void> {
	const updates = [
		...indexes(RANGES.hubspotEdit).map((i) => ({
			id: ids[i],
			properties: { city: `HS city ${i}` },
		})),
		...indexes(RANGES.bothOtherFields).map((i) => ({
			id: ids[i],
			properties: { city: `HS city ${i}` },
		})),
		...indexes(RANGES.bothSameField).map((i) => ({
			id: ids[i],
			properties: { name: `HS name ${i}` },
		})),
	];
	for (let k = 0; k < updates.length; k += 100)
		await hubspotApi(stack, '/crm/v3/objects/companies/batch/update', {
			inputs: updates.slice(k, k + 100),
		});
	await hubspotApi(stack, '/crm/v3/objects/companies/batch/archive', {
		inputs: indexes(RANGES.hubspotDelete).map((i) => ({ id: ids[i] })),
	});
	const creates = Array.from({ length: CREATES }, (_, j) => created('hs', j));
	for (let k = 0; k < creates.length; k += 100)
		await hubspotApi(stack, '/crm/v3/objects/companies/batch/create', {
			inputs: creates.slice(k, k + 100).map((c) => ({
				properties: {
					name: c.name,
					domain: c.domain,
					city: c.city,
					numberofemployees: String(c.employees),
					industry: c.industry,
				},
			})),
		});
	await new Promise((resolve) => setTimeout(resolve, 50));
	const range = ([from, to]: readonly [number, number]) => `BETWEEN ${from} AND ${to - 1}`;
	const index = `substring(domain from '^co([0-9]+)\\.example$')::int`;
	stack.warehouse.exec(`
		UPDATE crm_companies SET employee_count = 5000 + ${index}
			WHERE ${index} ${range(RANGES.warehouseEdit)} OR ${index} ${range(RANGES.bothOtherFields)};
		UPDATE crm_companies SET name = 'PG name ' || ${index} WHERE ${index} ${range(RANGES.bothSameField)};
		UPDATE crm_companies SET deleted_at = now() WHERE ${index} ${range(RANGES.warehouseDelete)};
		INSERT INTO crm_companies (name, domain, city, employee_count, industry)
		SELECT 'New pg ' || j, 'pgnew' || j || '.example', 'pg city ' || j, 1 + j, 'Software'
		FROM generate_series(0, ${CREATES - 1}) AS j;
	`);
}

interface Row {
	domain: string;
	name: string;
	city: string;
	employee_count: number;
	industry: string | null;
	deleted_at: string | null;
}

/** Records on either side whose end state differs from the oracle (missing, duplicated, a wrong value, not deleted). */
async function differences(
	stack: Stack,
	strategy: string,
): Promise<{ count: number; examples: string[] }> {
	const { live, deleted } = expected(strategy);
	const wrong = new Set<string>();
	const examples: string[] = [];
	const note = (domain: string, why: string) => {
		wrong.add(domain);
		if (examples.length < 5) examples.push(`${domain}: ${why}`);
	};
	const hubspot = await hubspotRecords(stack);
	const rows: Row[] = [];
	for (let offset = 0; ; offset += 2000) {
		const page = stack.warehouse.query<Row>(
			`SELECT domain, name, city, employee_count, industry, deleted_at FROM crm_companies ORDER BY id LIMIT 2000 OFFSET ${offset}`,
		);
		rows.push(...page);
		if (page.length < 2000) break;
	}
	const liveHubSpot = new Map<string, HubSpotRecord[]>();
	for (const r of hubspot.filter((r) => !r.archived)) {
		const d = r.properties.domain ?? '';
		liveHubSpot.set(d, [...(liveHubSpot.get(d) ?? []), r]);
	}
	const liveRows = new Map<string, Row[]>();
	for (const r of rows.filter((r) => !r.deleted_at))
		liveRows.set(r.domain, [...(liveRows.get(r.domain) ?? []), r]);
	for (const [domain, want] of live) {
		const h = liveHubSpot.get(domain) ?? [];
		const w = liveRows.get(domain) ?? [];
		if (h.length !== 1) note(domain, `${h.length} live companies in HubSpot`);
		else {
			const p = h[0].properties;
			if (
				p.name !== want.name ||
				p.city !== want.city ||
				Number(p.numberofemployees) !== want.employees
			)
				note(domain, `HubSpot holds ${JSON.stringify([p.name, p.city, p.numberofemployees])}`);
		}
		if (w.length !== 1) note(domain, `${w.length} live rows in the warehouse`);
		else if (
			w[0].name !== want.name ||
			w[0].city !== want.city ||
			w[0].employee_count !== want.employees
		)
			note(
				domain,
				`the warehouse holds ${JSON.stringify([w[0].name, w[0].city, w[0].employee_count])}`,
			);
	}
	for (const domain of deleted) {
		if (liveHubSpot.has(domain)) note(domain, 'still live in HubSpot');
		if (liveRows.has(domain)) note(domain, 'still live in the warehouse');
	}
	for (const domain of [...liveHubSpot.keys(), ...liveRows.keys()])
		if (!live.has(domain) && !deleted.has(domain)) note(domain, 'unexpected');
	return { count: wrong.size, examples };
}

interface Result {
	strategy: string;
	firstRunSeconds: number;
	firstRunWrites: number;
	seconds: number;
	calls: number;
	searchCalls: number;
	status429: number;
	changed: number;
	limitSeconds: number;
	summary: RunSummary;
	differences: number;
	examples: string[];
	echoWrites: number;
	echoCalls: number;
}

type Logged = { path: string; status: number };

async function measure(strategy: string): Promise<Result> {
	const stack = await startStack({ templates: [SLUG], mode: 'single' });
	try {
		await useStrategy(stack.n8n, strategy);
		const ids = await seed(stack);
		let started = performance.now();
		const first = await runSync(stack.n8n, stack.warehouse);
		if (first.status !== 'success') throw new Error(`first run ended ${first.status}`);
		const firstRunSeconds = (performance.now() - started) / 1000;
		const firstSummary = lastSummary(stack.warehouse)!;

		// Steady state: the run before the measured one saw an edit made more than the overlap after the
		// seeding, so the measured run's read window starts after the seeded records (as it would for records
		// written long ago) and holds only what changed since.
		await new Promise((resolve) => setTimeout(resolve, PAST_OVERLAP_MS));
		await warmUp(stack, ids);
		const warm = await runSync(stack.n8n, stack.warehouse);
		if (warm.status !== 'success') throw new Error(`warm-up run ended ${warm.status}`);

		await change(stack, ids);
		await sandboxAdmin(stack.sandbox, 'DELETE', '/requests');
		started = performance.now();
		const run = await runSync(stack.n8n, stack.warehouse);
		const seconds = (performance.now() - started) / 1000;
		if (run.status !== 'success') throw new Error(`measured run ended ${run.status}`);
		const summary = lastSummary(stack.warehouse)!;
		const log = (
			await sandboxAdmin<{ results: Logged[] }>(
				stack.sandbox,
				'GET',
				'/requests?system=hubspot&limit=1000000',
			)
		).results;
		const searchCalls = log.filter((r) => r.path.endsWith('/search')).length;
		const diff = await differences(stack, strategy);

		await sandboxAdmin(stack.sandbox, 'DELETE', '/requests');
		const echo = await runSync(stack.n8n, stack.warehouse);
		if (echo.status !== 'success') throw new Error(`echo run ended ${echo.status}`);
		const echoSummary = lastSummary(stack.warehouse)!;
		const echoLog = (
			await sandboxAdmin<{ results: Logged[] }>(
				stack.sandbox,
				'GET',
				'/requests?system=hubspot&limit=1000000',
			)
		).results;
		const changed =
			Object.values(RANGES).reduce((n, [from, to]) => n + (to - from), 0) + 2 * CREATES;
		const result: Result = {
			strategy,
			firstRunSeconds,
			firstRunWrites: firstSummary.hubspotWrites + firstSummary.warehouseWrites,
			seconds,
			calls: log.length,
			searchCalls,
			status429: log.filter((r) => r.status === 429).length,
			changed,
			limitSeconds: Math.max(
				(log.length / FREE_TIER.perTenSeconds) * 10,
				searchCalls / FREE_TIER.searchPerSecond,
			),
			summary,
			differences: diff.count,
			examples: diff.examples,
			echoWrites: echoSummary.hubspotWrites + echoSummary.warehouseWrites,
			echoCalls: echoLog.length,
		};
		console.log(JSON.stringify(result));
		return result;
	} finally {
		await stack.stop();
	}
}

async function main(): Promise<void> {
	const results: Result[] = [];
	for (const strategy of STRATEGIES) results.push(await measure(strategy));
	if (process.env.BENCH_WRITE === '0') return;
	const row = (r: Result) =>
		`| ${r.strategy} | ${r.differences} | ${r.echoWrites} | ${r.calls} (${r.searchCalls} search) | ${(r.calls / r.changed).toFixed(4)} | ${r.status429} | ${r.summary.hubspotWrites} / ${r.summary.warehouseWrites} | ${r.summary.conflicts} | ${r.seconds.toFixed(1)} s | ${r.limitSeconds.toFixed(1)} s | ${r.firstRunSeconds.toFixed(1)} s |`;
	const file = writeBenchmarksSection('two-way-sync', [
		'## Two-way sync: HubSpot ⇄ PostgreSQL (template 08, issue 17)',
		'',
		`Method: \`npx tsx bench/two-way-sync.ts\` starts, per conflict strategy, a fresh stack (n8n 2.41.1 single mode on SQLite, the sandbox HubSpot at the Free tier — 100 calls per 10 s, search 5 per s — and a real PostgreSQL 15) with template 08, and seeds ${N.toLocaleString('en-US')} companies on each side (the same domains and values). A first run links them all by domain (its time and writes in the last column and below). More than a minute later one company is edited on each side and a run takes it (the steady state: the read window of the next run — from the last change seen, minus the 60 s overlap for search's index lag — starts after the seeding, as it would for records written long ago). Then, between two runs: ${share(0.05)} companies edited in HubSpot (city), ${share(0.05)} in the warehouse (headcount), ${share(0.01)} on both sides — ${share(0.005)} the same field (name, HubSpot first, the warehouse later) and ${share(0.005)} different fields —, ${share(0.0025)} archived in HubSpot and ${share(0.0025)} soft-deleted in the warehouse, ${CREATES} created on each side (${results[0]?.changed ?? 0} changed records). HubSpot's edits go through its API with a token of their own, so the sync's budget is whole. The next run is measured: HubSpot calls from the sandbox's request log; "rate-limit floor" is the time HubSpot's limits alone require for those calls (calls ÷ 100 per 10 s, or search calls ÷ 5 per s, whichever is longer); "differs from oracle" counts the companies whose end state on either side (live or deleted, once, each synced field's value) differs from what the bench computes from its list of changes, written apart from the engine (\`expected()\` in the bench: the warehouse's same-field edit wins under last write wins and merge, HubSpot's under HubSpot wins). Then one more run: "echo writes" are the writes it plans (goal 0). Machine: 2 × AMD EPYC, shared.`,
		'',
		'| strategy | differs from oracle (goal 0) | echo writes (goal 0) | HubSpot calls | calls per changed record (goal ≤ 0.03) | 429s | writes HubSpot / warehouse | conflicts | run time | rate-limit floor | first run (link all) |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
		...results.map(row),
		'',
		`First runs wrote ${results.map((r) => r.firstRunWrites).join(' / ')} records (goal 0: both sides already agree). Echo runs made ${results.map((r) => r.echoCalls).join(' / ')} HubSpot calls (the reads of what changed since the measured run, i.e. the sync's own writes, all skipped).`,
		'',
		"Reading it: the engine decides field by field, so a run writes only what changed (HubSpot writes = warehouse edits + creates + soft deletes + the conflicts the warehouse won; the other way round for the warehouse) in batches of 100, and reads only the records changed since the last run, 200 per search page: about one HubSpot call per 90 changed records, under the goal of one per 33. The run takes a couple of seconds beside the floor the rate limit sets; the first run, which reads every company on both sides, is bound by search (5 pages of 200 per second: 10 s for 10,000). Each echo run reads back the sync's own writes (they changed after the watermark) and writes none of them.",
		...results
			.filter((r) => r.examples.length)
			.map((r) => `- ${r.strategy}: ${r.examples.join('; ')}`),
	]);
	console.log(`wrote ${file}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
