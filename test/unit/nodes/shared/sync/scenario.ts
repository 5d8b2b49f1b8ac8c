// A simulated HubSpot portal and warehouse table for the sync property tests, and a seeded generator of
// what people do to them between runs. Values are written the way each system holds them: HubSpot keeps
// every property as text (numbers "1234.5", booleans "true", datetimes ISO or epoch ms, JSON as text);
// the warehouse keeps typed columns, a numeric column read back as text ("1234.50", as node-postgres
// returns NUMERIC), timestamps as PostgreSQL text with microseconds, jsonb as objects.
import type {
	FieldMap,
	JsonValue,
	SideRecord,
	SyncConfig,
	SyncPlan,
	Strategy,
	Direction,
	WriteOutcome,
} from '../../../../../nodes/shared/sync';

/** mulberry32: a small seeded PRNG, so a failing scenario can be replayed from its seed. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const PROPERTY_FIELDS: FieldMap[] = [
	{ name: 'name', source: 'name', target: 'name', type: 'string', toTarget: 'trim' },
	{ name: 'domain', source: 'domain', target: 'domain', type: 'string', toTarget: 'domain' },
	{
		name: 'industry',
		source: 'industry',
		target: 'industry',
		type: 'string',
		toTarget: 'lowercase',
		toSource: 'uppercase',
	},
	{ name: 'employees', source: 'numberofemployees', target: 'employee_count', type: 'number' },
	{ name: 'revenue', source: 'annualrevenue', target: 'annual_revenue', type: 'number' },
	{ name: 'public', source: 'is_public', target: 'is_public', type: 'boolean' },
	{ name: 'closedAt', source: 'closedate', target: 'closed_at', type: 'timestamp' },
	{
		name: 'foundedOn',
		source: 'founded_date',
		target: 'founded_on',
		type: 'timestamp',
		precision: 'day',
	},
	{ name: 'tags', source: 'tags', target: 'tags', type: 'string' },
	{ name: 'meta', source: 'meta', target: 'meta', type: 'json' },
];

export function propertyConfig(
	strategy: Strategy,
	direction: Direction = 'bidirectional',
): SyncConfig {
	return {
		direction,
		strategy,
		mergeFields: strategy === 'merge' ? ['tags'] : undefined,
		fields: PROPERTY_FIELDS,
		filters: {
			sourceToTarget: { exclude: [{ field: 'hs_lead_status', operator: 'eq', value: 'JUNK' }] },
			targetToSource: { include: [{ field: 'region', operator: 'neq', value: 'test' }] },
		},
		match: { field: 'domain', normalize: 'domain' },
	};
}

interface Stored {
	id: string;
	values: Record<string, unknown>;
	updatedAt: number;
	deleted: boolean;
}

const WORDS = [
	'acme',
	'globex',
	'initech',
	'umbrella',
	'hooli',
	'stark',
	'wayne',
	'tyrell',
	'wonka',
];
const INDUSTRIES = ['COMPUTER_SOFTWARE', 'RETAIL', 'BANKING', 'INSURANCE', 'LOGISTICS'];
const TAGS = ['a', 'b', 'c', 'd', 'e'];
const START = Date.UTC(2024, 0, 1);

function pgTimestamp(ms: number, micro: number): string {
	const iso = new Date(ms).toISOString();
	return `${iso.slice(0, 10)} ${iso.slice(11, 23)}${String(micro).padStart(3, '0')}+00`;
}

function copyValues(values: Record<string, unknown>): Record<string, unknown> {
	const copy: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(values))
		copy[key] =
			value !== null && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value;
	return copy;
}

export class World {
	readonly source = new Map<string, Stored>();
	readonly target = new Map<string, Stored>();
	private touched = { source: new Set<string>(), target: new Set<string>() };
	private clock = START;
	private ids = 0;
	private domains = 0;
	readonly rand: () => number;

	constructor(seed: number) {
		this.rand = prng(seed);
	}

	// ---- random values -----------------------------------------------------------------------------

	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.rand() * list.length)];
	}
	chance(p: number): boolean {
		return this.rand() < p;
	}
	int(max: number): number {
		return Math.floor(this.rand() * max);
	}
	tick(): number {
		this.clock += 1000 + this.int(1000);
		return this.clock;
	}
	freshDomain(): string {
		this.domains += 1;
		return `${this.pick(WORDS)}${this.domains}.com`;
	}
	private tagList(): string[] {
		return TAGS.filter(() => this.chance(0.4)).sort(() => this.rand() - 0.5);
	}
	private instant(): number {
		return START - this.int(365 * 86400) * 1000 - this.int(1000);
	}
	private day(): string {
		return new Date(START - this.int(20 * 365) * 86400000).toISOString().slice(0, 10);
	}

	/** A value for one field as a person would type it into HubSpot. */
	sourceValue(field: string, domain: string): unknown {
		switch (field) {
			case 'name':
				return this.chance(0.2)
					? ` ${this.pick(WORDS)} Inc `
					: `${this.pick(WORDS)} ${this.int(99)}`;
			case 'domain':
				return this.chance(0.3) ? `https://www.${domain}/about` : domain;
			case 'industry':
				return this.pick(INDUSTRIES);
			case 'numberofemployees':
				return this.chance(0.1) ? '' : String(1 + this.int(5000));
			case 'annualrevenue':
				return String(this.int(1_000_000) / 100);
			case 'is_public':
				return this.chance(0.5) ? 'true' : 'false';
			case 'closedate': {
				const ms = this.instant();
				return this.chance(0.5) ? new Date(ms).toISOString() : String(ms);
			}
			case 'founded_date':
				return this.day();
			case 'tags':
				return this.tagList()
					.map((t) => (this.chance(0.2) ? ` ${t} ` : t))
					.join(';');
			case 'meta':
				return this.chance(0.5)
					? `{"tier":"${this.pick(['gold', 'silver'])}","score":${this.int(100)}}`
					: `{"score":${this.int(100)},"tier":"${this.pick(['gold', 'silver'])}"}`;
			case 'hs_lead_status':
				return this.chance(0.06) ? 'JUNK' : 'NEW';
			default:
				throw new Error(field);
		}
	}

	/** A value for one column as a person (or a dbt model) would put it in the warehouse. */
	targetValue(column: string, domain: string): unknown {
		switch (column) {
			case 'name':
				return `${this.pick(WORDS)} ${this.int(99)}`;
			case 'domain':
				return domain;
			case 'industry': {
				const v = this.pick(INDUSTRIES).toLowerCase();
				return this.chance(0.3) ? v[0].toUpperCase() + v.slice(1) : v;
			}
			case 'employee_count':
				return this.chance(0.1) ? null : 1 + this.int(5000);
			case 'annual_revenue':
				return (this.int(1_000_000) / 100).toFixed(2);
			case 'is_public':
				return this.chance(0.5);
			case 'closed_at':
				return pgTimestamp(this.instant(), this.int(1000));
			case 'founded_on':
				return this.day();
			case 'tags':
				return this.tagList().join(';') || null;
			case 'meta':
				return { tier: this.pick(['gold', 'silver']), score: this.int(100) };
			case 'region':
				return this.chance(0.06) ? 'test' : this.pick(['eu', 'us']);
			default:
				throw new Error(column);
		}
	}

	sourceCompany(domain: string): Record<string, unknown> {
		const values: Record<string, unknown> = {
			hs_lead_status: this.sourceValue('hs_lead_status', domain),
		};
		for (const f of PROPERTY_FIELDS) values[f.source] = this.sourceValue(f.source, domain);
		return values;
	}

	targetRow(domain: string): Record<string, unknown> {
		const values: Record<string, unknown> = { region: this.targetValue('region', domain) };
		for (const f of PROPERTY_FIELDS) values[f.target] = this.targetValue(f.target, domain);
		return values;
	}

	/** The warehouse copy of a HubSpot company, as an earlier load would have left it. */
	copyToTarget(source: Record<string, unknown>): Record<string, unknown> {
		const row = this.targetRow(
			String(source.domain)
				.replace(/^https:\/\/www\./, '')
				.replace(/\/about$/, ''),
		);
		row.name = String(source.name).trim();
		row.industry = String(source.industry).toLowerCase();
		row.employee_count = source.numberofemployees === '' ? null : Number(source.numberofemployees);
		row.is_public = source.is_public === 'true';
		row.tags = source.tags;
		// Most of the rest was copied too; what was not makes first-link conflicts.
		if (this.chance(0.9)) row.annual_revenue = Number(source.annualrevenue).toFixed(2);
		if (this.chance(0.9))
			row.closed_at = pgTimestamp(
				Number(
					/^\d+$/.test(String(source.closedate))
						? source.closedate
						: Date.parse(String(source.closedate)),
				),
				this.int(1000),
			);
		if (this.chance(0.9)) row.founded_on = source.founded_date;
		if (this.chance(0.9)) row.meta = JSON.parse(String(source.meta));
		return row;
	}

	// ---- the stores ----------------------------------------------------------------------------------

	add(side: 'source' | 'target', values: Record<string, unknown>, at = this.tick()): string {
		this.ids += 1;
		const id = side === 'source' ? String(100000 + this.ids) : `row-${this.ids}`;
		(side === 'source' ? this.source : this.target).set(id, {
			id,
			values,
			updatedAt: at,
			deleted: false,
		});
		this.touched[side].add(id);
		return id;
	}

	edit(
		side: 'source' | 'target',
		id: string,
		values: Record<string, unknown>,
		at = this.tick(),
	): void {
		const store = side === 'source' ? this.source : this.target;
		const record = store.get(id) as Stored;
		Object.assign(record.values, values);
		record.updatedAt = at;
		this.touched[side].add(id);
	}

	remove(side: 'source' | 'target', id: string): void {
		const record = (side === 'source' ? this.source : this.target).get(id) as Stored;
		record.deleted = true;
		if (side === 'target') record.values.is_deleted = true;
		record.updatedAt = this.tick();
		this.touched[side].add(id);
	}

	record(side: 'source' | 'target', id: string): SideRecord {
		const stored = (side === 'source' ? this.source : this.target).get(id) as Stored;
		return {
			id: stored.id,
			values: copyValues(stored.values),
			updatedAt: new Date(stored.updatedAt).toISOString(),
			deleted: stored.deleted,
		};
	}

	all(side: 'source' | 'target'): Map<string, SideRecord> {
		const out = new Map<string, SideRecord>();
		for (const id of (side === 'source' ? this.source : this.target).keys())
			out.set(id, this.record(side, id));
		return out;
	}

	isTouched(side: 'source' | 'target', id: string): boolean {
		return this.touched[side].has(id);
	}

	/** What changed since the last call (people's edits and our own writes), plus `extra` re-reads. */
	changes(extra: { source?: string[]; target?: string[] } = {}): {
		source: SideRecord[];
		target: SideRecord[];
	} {
		const take = (side: 'source' | 'target') => {
			const ids = new Set([...this.touched[side], ...(extra[side] ?? [])]);
			this.touched[side].clear();
			return [...ids].map((id) => this.record(side, id));
		};
		return { source: take('source'), target: take('target') };
	}

	/** Performs a plan's writes the way each system stores them; `fail` decides which are refused. */
	apply(plan: SyncPlan, fail: () => boolean = () => false): WriteOutcome[] {
		const outcomes: WriteOutcome[] = [];
		for (const side of ['source', 'target'] as const) {
			const writes = plan.writes[side];
			const store = side === 'source' ? this.source : this.target;
			const stored = (values: Record<string, unknown>) =>
				side === 'source' ? { ...values } : this.asWarehouse(values as Record<string, JsonValue>);
			for (const w of writes.creates) {
				if (fail()) {
					outcomes.push({ side, key: w.key, ok: false, error: 'refused' });
					continue;
				}
				const at = this.tick();
				const id = this.add(side, stored(w.values), at);
				outcomes.push({ side, key: w.key, ok: true, id, updatedAt: new Date(at).toISOString() });
			}
			for (const w of writes.updates) {
				if (fail() || !store.has(w.id)) {
					outcomes.push({ side, key: w.key, ok: false, error: 'refused' });
					continue;
				}
				const at = this.tick();
				this.edit(side, w.id, stored(w.values), at);
				outcomes.push({ side, key: w.key, ok: true, updatedAt: new Date(at).toISOString() });
			}
			for (const w of writes.deletes) {
				if (fail()) {
					outcomes.push({ side, key: w.key, ok: false, error: 'refused' });
					continue;
				}
				this.remove(side, w.id);
				const at = (store.get(w.id) as Stored).updatedAt;
				outcomes.push({ side, key: w.key, ok: true, updatedAt: new Date(at).toISOString() });
			}
		}
		return outcomes;
	}

	/** PostgreSQL's way: NUMERIC comes back as text, timestamptz as text with microseconds. */
	private asWarehouse(values: Record<string, JsonValue>): Record<string, unknown> {
		const out: Record<string, unknown> = { ...values };
		if (typeof out.annual_revenue === 'number') out.annual_revenue = out.annual_revenue.toFixed(2);
		if (typeof out.closed_at === 'string')
			out.closed_at = pgTimestamp(Date.parse(out.closed_at), 0);
		return out;
	}
}
