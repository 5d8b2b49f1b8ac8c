// A reference implementation of the sync rules (the list in nodes/shared/sync/index.ts), written apart
// from the engine and as naively as possible: one pair at a time, one field at a time, its own state
// shape, its own value parsing. It shares no code with the engine (only the output types and the domain
// normalizer the rules name), so engine and oracle agreeing means the engine does what the rules say.
//
// It reads only the value formats the scenario generator produces (test/.../scenario.ts), which is
// enough to cover every type conversion the rules describe.
import { normalizeDomain } from '../../../../../nodes/shared/domain/normalizeDomain';
import type {
	Conflict,
	FieldMap,
	JsonValue,
	SideRecord,
	Skip,
	SyncConfig,
	SyncPlan,
} from '../../../../../nodes/shared/sync';

type Who = 'source' | 'target';
type V = JsonValue;

interface Pair {
	key: string;
	sid?: string;
	tid?: string;
	matchKey?: string;
	was: { source: Record<string, V>; target: Record<string, V> };
	seen: { source?: number; target?: number };
	gone: { source: boolean; target: boolean };
	wroteLast: { source: boolean; target: boolean };
	outOfFilter: { source: boolean; target: boolean };
}

export interface OracleResult {
	writes: SyncPlan['writes'];
	conflicts: Conflict[];
	skipped: Skip[];
}

function otherSide(who: Who): Who {
	return who === 'source' ? 'target' : 'source';
}

function ms(updatedAt: SideRecord['updatedAt']): number | undefined {
	if (updatedAt === undefined) return undefined;
	if (typeof updatedAt === 'number') return updatedAt;
	if (updatedAt instanceof Date) return updatedAt.getTime();
	return Date.parse(updatedAt);
}

// ---- reading values -------------------------------------------------------------------------------

function sortedJson(value: V): V {
	if (Array.isArray(value)) return value.map(sortedJson);
	if (value && typeof value === 'object') {
		const out: Record<string, V> = {};
		Object.keys(value)
			.sort()
			.forEach((k) => (out[k] = sortedJson((value as Record<string, V>)[k])));
		return out;
	}
	return value;
}

/** Timestamps as the generator writes them: ISO with Z, PostgreSQL text with microseconds, epoch-ms
 *  digits, or a bare date. */
function readInstant(raw: unknown): number | 'bad' {
	const text = String(raw).trim();
	if (/^\d{12,}$/.test(text)) return Number(text);
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|\+00)?)?$/.exec(
		text,
	);
	if (!m) return 'bad';
	const fraction = Number(((m[7] ?? '') + '000').slice(0, 3));
	return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), fraction);
}

function read(map: FieldMap, raw: unknown, isMerge: boolean): V | 'bad' {
	if (raw === undefined || raw === null || raw === '') return null;
	switch (map.type) {
		case 'string': {
			const text = String(raw);
			if (!isMerge) return text;
			const items = text
				.split(';')
				.map((x) => x.trim())
				.filter((x) => x.length > 0);
			const set = Array.from(new Set(items)).sort();
			return set.length === 0 ? null : set.join(';');
		}
		case 'number': {
			if (typeof raw === 'number') return raw === 0 ? 0 : raw;
			const text = String(raw).trim();
			if (!/^-?\d+(\.\d+)?$/.test(text)) return 'bad';
			const n = parseFloat(text);
			return n === 0 ? 0 : n;
		}
		case 'boolean':
			if (raw === true || raw === 'true') return true;
			if (raw === false || raw === 'false') return false;
			return 'bad';
		case 'timestamp': {
			const t = readInstant(raw);
			if (t === 'bad') return 'bad';
			if (map.precision === 'day') return new Date(t - (t % 86400000)).toISOString().slice(0, 10);
			return new Date(t).toISOString();
		}
		default:
			return sortedJson(typeof raw === 'string' ? (JSON.parse(raw) as V) : (raw as V));
	}
}

function same(a: V, b: V): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object') return false;
	return JSON.stringify(a) === JSON.stringify(b);
}

function transformsOf(map: FieldMap, to: Who): string[] {
	const t = to === 'target' ? map.toTarget : map.toSource;
	if (!t) return [];
	return Array.isArray(t) ? t : [t];
}

function cross(map: FieldMap, value: V, to: Who): V {
	if (typeof value !== 'string') return value;
	let text = value;
	for (const name of transformsOf(map, to)) {
		if (name === 'trim') text = text.trim();
		else if (name === 'lowercase') text = text.toLowerCase();
		else if (name === 'uppercase') text = text.toUpperCase();
		else if (name === 'domain') {
			const d = normalizeDomain(text);
			if (d.error === undefined) text = d.domain;
		} else throw new Error(`oracle: transform ${name}`);
	}
	return text === '' ? null : text;
}

function toHubSpot(map: FieldMap, value: V): string {
	if (value === null) return '';
	if (map.type === 'json') return JSON.stringify(value);
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return value as string;
}

// ---- filters --------------------------------------------------------------------------------------

type Condition = NonNullable<NonNullable<SyncConfig['filters']>['sourceToTarget']>['include'];

/** Only the operators the scenario uses. */
function holds(c: NonNullable<Condition>[number], values: Record<string, unknown>): boolean {
	const v = values[c.field];
	const has = v !== undefined && v !== null && String(v).trim() !== '';
	if (c.operator === 'eq') return has && String(v) === String(c.value);
	if (c.operator === 'neq') return !(has && String(v) === String(c.value));
	if (c.operator === 'exists') return has;
	throw new Error(`oracle: operator ${c.operator}`);
}

function admitted(
	set: { include?: Condition; exclude?: Condition } | undefined,
	values: Record<string, unknown>,
) {
	if (!set) return true;
	for (const c of set.include ?? []) if (!holds(c, values)) return false;
	for (const c of set.exclude ?? []) if (holds(c, values)) return false;
	return true;
}

// ---- the oracle -----------------------------------------------------------------------------------

export class Oracle {
	private pairs: Pair[] = [];
	private pending: Pair[] = [];
	private creates: Array<{ pair: Pair; side: Who }> = [];

	constructor(private readonly config: SyncConfig) {}

	private name(map: FieldMap): string {
		return map.name ?? map.source;
	}

	private isMerge(map: FieldMap): boolean {
		return (
			this.config.strategy === 'merge' && (this.config.mergeFields ?? []).includes(this.name(map))
		);
	}

	private sends(who: Who): boolean {
		if (this.config.direction === 'bidirectional') return true;
		return this.config.direction === (who === 'source' ? 'source_to_target' : 'target_to_source');
	}

	private filterOf(who: Who) {
		const f = this.config.filters;
		return who === 'source' ? f?.sourceToTarget : f?.targetToSource;
	}

	private matchOf(values: Record<string, V>): string | undefined {
		const m = this.config.match;
		if (!m) return undefined;
		const v = values[m.field];
		if (v === null || v === undefined) return undefined;
		const d = normalizeDomain(String(v).trim());
		return d.error ? undefined : d.registrable;
	}

	private base(pair: Pair, who: Who, field: string): V {
		const v = pair.was[who][field];
		return v === undefined ? null : v;
	}

	/** Returns the plan; call commit() with the created ids once its writes are done. */
	run(sourceRecords: SideRecord[], targetRecords: SideRecord[]): OracleResult {
		const result: OracleResult = {
			writes: {
				source: { creates: [], updates: [], deletes: [] },
				target: { creates: [], updates: [], deletes: [] },
			},
			conflicts: [],
			skipped: [],
		};
		// Every write succeeds in the scenarios, so pairs change in place; commit() adds created ids.
		const working = this.pairs;
		const fresh: Pair[] = [];
		this.creates = [];

		type Rec = { who: Who; r: SideRecord; vals: Record<string, V>; match?: string };
		const byPair = new Map<Pair, { source?: Rec; target?: Rec }>();
		const loose: { source: Rec[]; target: Rec[] } = { source: [], target: [] };

		const bySid = new Map(working.filter((p) => p.sid !== undefined).map((p) => [p.sid, p]));
		const byTid = new Map(working.filter((p) => p.tid !== undefined).map((p) => [p.tid, p]));
		const intake = (who: Who, list: SideRecord[]) => {
			for (const r of list) {
				const pair = (who === 'source' ? bySid : byTid).get(r.id);
				const vals: Record<string, V> = {};
				let bad = false;
				if (!r.deleted) {
					for (const map of this.config.fields) {
						const v = read(
							map,
							r.values[who === 'source' ? map.source : map.target],
							this.isMerge(map),
						);
						if (v === 'bad') bad = true;
						else vals[this.name(map)] = v;
					}
				}
				if (bad) {
					result.skipped.push({ side: who, id: r.id, reason: 'invalid' });
					continue;
				}
				const rec: Rec = { who, r, vals, match: r.deleted ? undefined : this.matchOf(vals) };
				if (pair) {
					const slot = byPair.get(pair) ?? {};
					slot[who] = rec;
					byPair.set(pair, slot);
				} else loose[who].push(rec);
			}
		};
		intake('source', sourceRecords);
		intake('target', targetRecords);

		// matching, naive: every unlinked source in id order looks for the first unlinked target in id order
		const byIdOrder = (a: Rec, b: Rec) => (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0);
		loose.source.sort(byIdOrder);
		loose.target.sort(byIdOrder);
		const used = new Set<Rec>();
		if (this.config.match) {
			for (const s of loose.source) {
				if (s.r.deleted) continue;
				const key = s.match;
				if (key === undefined) continue;
				const t = loose.target.find((x) => !used.has(x) && !x.r.deleted && x.match === key);
				if (!t) continue;
				used.add(s);
				used.add(t);
				const pair = this.newPair(`s:${s.r.id}`, s.r.id, t.r.id, key);
				fresh.push(pair);
				byPair.set(pair, { source: s, target: t });
			}
		}
		for (const who of ['source', 'target'] as Who[]) {
			for (const rec of loose[who]) {
				if (used.has(rec)) continue;
				const key = `${who === 'source' ? 's' : 't'}:${rec.r.id}`;
				if (rec.r.deleted) result.skipped.push({ side: who, id: rec.r.id, reason: 'deleted', key });
				else if (!this.sends(who))
					result.skipped.push({ side: who, id: rec.r.id, reason: 'direction', key });
				else if (!admitted(this.filterOf(who), rec.r.values))
					result.skipped.push({ side: who, id: rec.r.id, reason: 'filtered', key });
				else {
					const pair = this.newPair(
						key,
						who === 'source' ? rec.r.id : undefined,
						who === 'target' ? rec.r.id : undefined,
						rec.match,
					);
					fresh.push(pair);
					byPair.set(pair, { [who]: rec });
				}
			}
		}

		const all = [...byPair.entries()].sort(([a], [b]) =>
			a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
		);
		for (const [pair, recs] of all) this.syncPair(pair, recs, result);

		const order = (a: { key: string }, b: { key: string }) =>
			a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
		for (const who of ['source', 'target'] as Who[]) {
			result.writes[who].creates.sort(order);
			result.writes[who].updates.sort(order);
			result.writes[who].deletes.sort(order);
		}
		result.skipped.sort((a, b) =>
			a.side !== b.side ? (a.side === 'source' ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
		);
		this.pending = [...working, ...fresh];
		return result;
	}

	/** Completes the last run: every write succeeded, creates got these ids. */
	commit(createdIds: Map<string, string>): void {
		for (const { pair, side } of this.creates) {
			const id = createdIds.get(`${side} ${pair.key}`);
			if (id === undefined) throw new Error(`oracle: no id for ${side} create ${pair.key}`);
			if (side === 'source') pair.sid = id;
			else pair.tid = id;
		}
		this.pairs = this.pending;
	}

	/** Versions our writes produced (the engine learns them from applyOutcomes). */
	noteVersion(side: Who, key: string, version: number): void {
		const pair = this.pairs.find((p) => p.key === key);
		if (pair) pair.seen[side] = version;
	}

	/**
	 * Fields on which linked, live pairs disagree (writing one side's value across would change the
	 * other), over pairs whose records both pass their filters and read cleanly: after a bidirectional
	 * run has settled there must be none.
	 */
	disagreements(source: Map<string, SideRecord>, target: Map<string, SideRecord>): string[] {
		const found: string[] = [];
		for (const pair of this.pairs) {
			if (pair.gone.source || pair.gone.target || !pair.sid || !pair.tid) continue;
			const s = source.get(pair.sid);
			const t = target.get(pair.tid);
			if (s && t) found.push(...this.pairDisagreements(pair.key, s, t));
		}
		return found;
	}

	/** The disagreeing fields of one live pair (none when either record is deleted, filtered or unreadable). */
	pairDisagreements(key: string, s: SideRecord, t: SideRecord): string[] {
		if (s.deleted || t.deleted) return [];
		if (
			!admitted(this.filterOf('source'), s.values) ||
			!admitted(this.filterOf('target'), t.values)
		)
			return [];
		const rows: Array<[FieldMap, V, V]> = [];
		for (const map of this.config.fields) {
			const a = read(map, s.values[map.source], this.isMerge(map));
			const b = read(map, t.values[map.target], this.isMerge(map));
			if (a === 'bad' || b === 'bad') return [];
			rows.push([map, a, b]);
		}
		return rows
			.filter(
				([map, a, b]) => !same(cross(map, a, 'target'), b) && !same(cross(map, b, 'source'), a),
			)
			.map(
				([map, a, b]) => `${key} ${this.name(map)}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`,
			);
	}

	private newPair(
		key: string,
		sid: string | undefined,
		tid: string | undefined,
		matchKey?: string,
	): Pair {
		return {
			key,
			sid,
			tid,
			matchKey,
			was: { source: {}, target: {} },
			seen: {},
			gone: { source: false, target: false },
			wroteLast: { source: false, target: false },
			outOfFilter: { source: false, target: false },
		};
	}

	private syncPair(
		pair: Pair,
		recs: {
			source?: { r: SideRecord; vals: Record<string, V> };
			target?: { r: SideRecord; vals: Record<string, V> };
		},
		out: OracleResult,
	): void {
		const skip = (who: Who, reason: Skip['reason']) => {
			const rec = recs[who];
			if (rec) out.skipped.push({ side: who, id: rec.r.id, reason, key: pair.key });
		};
		// stale re-reads
		for (const who of ['source', 'target'] as Who[]) {
			const rec = recs[who];
			if (!rec) continue;
			const t = ms(rec.r.updatedAt);
			const seen = pair.seen[who];
			if (seen !== undefined && t !== undefined && t < seen) {
				skip(who, 'unchanged');
				delete recs[who];
			}
		}
		const S = recs.source;
		const T = recs.target;
		if (!S && !T) return;
		const echoOf = { source: false, target: false };
		for (const who of ['source', 'target'] as Who[]) {
			const rec = recs[who];
			if (!rec) continue;
			echoOf[who] = pair.wroteLast[who];
			pair.wroteLast[who] = false;
			const t = ms(rec.r.updatedAt);
			if (t !== undefined) pair.seen[who] = t;
		}
		const wasGone = pair.gone.source || pair.gone.target;
		for (const who of ['source', 'target'] as Who[])
			if (recs[who]?.r.deleted) pair.gone[who] = true;

		// tombstone
		if (wasGone) {
			for (const who of ['source', 'target'] as Who[])
				if (recs[who]) skip(who, echoOf[who] ? 'echo' : 'deleted');
			return;
		}

		// deletes
		if (S?.r.deleted || T?.r.deleted) {
			if (S?.r.deleted && T?.r.deleted) {
				skip('source', 'deleted');
				skip('target', 'deleted');
				return;
			}
			const killer: Who = S?.r.deleted ? 'source' : 'target';
			const victim = otherSide(killer);
			const victimRec = recs[victim];
			if (victimRec) {
				let edited = false;
				for (const map of this.config.fields) {
					const f = this.name(map);
					if (!same(victimRec.vals[f], this.base(pair, victim, f))) edited = true;
				}
				if (edited) {
					out.conflicts.push({
						key: pair.key,
						field: '$deleted',
						sourceValue: killer === 'source',
						targetValue: killer === 'target',
						resolution: 'delete_wins',
						winner: killer,
					});
					skip(victim, 'deleted');
				} else skip(victim, echoOf[victim] ? 'echo' : 'unchanged');
			}
			const victimId = victim === 'source' ? pair.sid : pair.tid;
			if (this.sends(killer) && victimId !== undefined) {
				out.writes[victim].deletes.push({ key: pair.key, id: victimId });
				pair.gone[victim] = true;
				pair.wroteLast[victim] = true;
			} else skip(killer, this.sends(killer) ? 'deleted' : 'direction');
			return;
		}

		// fields
		const admits = {
			source: S ? admitted(this.filterOf('source'), S.r.values) : true,
			target: T ? admitted(this.filterOf('target'), T.r.values) : true,
		};
		const mayFlow = {
			source: this.sends('source') && admits.source,
			target: this.sends('target') && admits.target,
		};
		const reSend = {
			source: !!S && admits.source && pair.outOfFilter.source,
			target: !!T && admits.target && pair.outOfFilter.target,
		};
		if (S) pair.outOfFilter.source = !admits.source;
		if (T) pair.outOfFilter.target = !admits.target;

		const toSource: Record<string, string> = {};
		const toTarget: Record<string, V> = {};
		const hadChange = { source: false, target: false };
		const gotThrough = { source: false, target: false };
		const beaten = { source: false, target: false };
		const newWas = { source: {} as Record<string, V>, target: {} as Record<string, V> };

		for (const map of this.config.fields) {
			const f = this.name(map);
			const baseS = this.base(pair, 'source', f);
			const baseT = this.base(pair, 'target', f);
			const s = S ? S.vals[f] : baseS;
			const t = T ? T.vals[f] : baseT;
			const agree = same(cross(map, s, 'target'), t) || same(cross(map, t, 'source'), s);
			const sChanged = !!S && (!same(s, baseS) || (reSend.source && !agree));
			const tChanged = !!T && (!same(t, baseT) || (reSend.target && !agree));
			let newS = s;
			let newT = t;
			let conflict: Conflict | undefined;
			if (sChanged && !tChanged) {
				if (mayFlow.source) newT = cross(map, s, 'target');
			} else if (tChanged && !sChanged) {
				if (mayFlow.target) newS = cross(map, t, 'source');
			} else if (sChanged && tChanged && !agree) {
				let winner: Who | 'merged';
				let resolution: Conflict['resolution'];
				const sTime = ms(S?.r.updatedAt) ?? -Infinity;
				const tTime = ms(T?.r.updatedAt) ?? -Infinity;
				const lww: Who = tTime > sTime ? 'target' : 'source';
				if (this.config.strategy === 'source_wins')
					[winner, resolution] = ['source', 'source_wins'];
				else if (this.config.strategy === 'target_wins')
					[winner, resolution] = ['target', 'target_wins'];
				else if (this.config.strategy === 'merge' && this.isMerge(map))
					[winner, resolution] = ['merged', 'merge'];
				else [winner, resolution] = [lww, 'last_write_wins'];
				if (winner === 'merged') {
					const items = (v: V) => (v === null ? [] : String(v).split(';'));
					const sItems = items(s);
					const tItems = items(t);
					const bS = items(baseS);
					const bT = items(baseT);
					const keep: string[] = [];
					for (const x of [...sItems, ...tItems]) {
						const inS = sItems.includes(x);
						const inT = tItems.includes(x);
						if ((inS && inT) || (inS && !bS.includes(x)) || (inT && !bT.includes(x))) keep.push(x);
					}
					const merged = Array.from(new Set(keep)).sort();
					const m: V = merged.length ? merged.join(';') : null;
					if (mayFlow.target) newS = m;
					if (mayFlow.source) newT = m;
				} else if (winner === 'source') {
					if (mayFlow.source) newT = cross(map, s, 'target');
				} else if (mayFlow.target) newS = cross(map, t, 'source');
				conflict = { key: pair.key, field: f, sourceValue: s, targetValue: t, resolution, winner };
			}
			if (!same(newS, s)) toSource[map.source] = toHubSpot(map, newS);
			if (!same(newT, t)) toTarget[map.target] = newT;
			if (sChanged) {
				hadChange.source = true;
				if (!same(newT, t)) gotThrough.source = true;
				else if (conflict?.winner === 'target') beaten.source = true;
			}
			if (tChanged) {
				hadChange.target = true;
				if (!same(newS, s)) gotThrough.target = true;
				else if (conflict?.winner === 'source') beaten.target = true;
			}
			if (conflict) out.conflicts.push(conflict);
			newWas.source[f] = newS;
			newWas.target[f] = newT;
		}

		const wrote = { source: false, target: false };
		if (pair.tid === undefined) {
			if (S && mayFlow.source) {
				out.writes.target.creates.push({ key: pair.key, values: toTarget });
				this.creates.push({ pair, side: 'target' });
				gotThrough.source = true;
				wrote.target = true;
			}
		} else if (Object.keys(toTarget).length) {
			out.writes.target.updates.push({ key: pair.key, id: pair.tid, values: toTarget });
			wrote.target = true;
		}
		if (pair.sid === undefined) {
			if (T && mayFlow.target) {
				out.writes.source.creates.push({ key: pair.key, values: toSource });
				this.creates.push({ pair, side: 'source' });
				gotThrough.target = true;
				wrote.source = true;
			}
		} else if (Object.keys(toSource).length) {
			out.writes.source.updates.push({ key: pair.key, id: pair.sid, values: toSource });
			wrote.source = true;
		}
		pair.wroteLast.source = pair.wroteLast.source || wrote.source;
		pair.wroteLast.target = pair.wroteLast.target || wrote.target;
		pair.was = newWas;

		for (const who of ['source', 'target'] as Who[]) {
			if (!recs[who] || gotThrough[who]) continue;
			if (!hadChange[who]) skip(who, echoOf[who] ? 'echo' : 'unchanged');
			else if (!this.sends(who)) skip(who, 'direction');
			else if (!admits[who]) skip(who, 'filtered');
			else skip(who, beaten[who] ? 'conflict' : 'unchanged');
		}
	}
}
