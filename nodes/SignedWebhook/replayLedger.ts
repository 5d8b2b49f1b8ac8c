import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * Replay keys the trigger accepted, kept until they expire.
 *
 * The webhook handler runs before any execution, where n8n offers no processed-data helper; the storage it
 * does offer is the workflow's static data, which n8n reads from its database for every request and writes
 * back (the whole JSON value) once the response is decided. That survives restarts and is seen by every n8n
 * process, but it is a read-modify-write of one row: two requests in flight at once would each miss the
 * other's key. So the ledger also keeps this process's keys in memory and checks-and-records there
 * synchronously (one JS thread: no interleaving), and folds them into every write.
 *
 * Because every request parses and every accepted request writes the whole ledger, its stored form is
 * compact: keys are 16 base64url characters (96 bits of SHA-256), concatenated into one string per expiry
 * minute, so 10,000 keys are ~160 KB in a handful of JSON strings rather than 10,000 object properties, and a
 * whole minute expires by deleting one property. In memory each minute is a Set, rebuilt only from the part
 * of a stored string this process has not seen yet.
 */
export interface StoredLedger {
	/** Expiry (Unix seconds, end of the minute in which its keys expire) → those keys, concatenated. */
	buckets: Record<string, string>;
}

export interface ReplayCheck {
	/** Keeps test and production calls, and each trigger node, apart. */
	scope: string;
	key: string;
	nowSeconds: number;
	expiresAt: number;
	maxEntries: number;
	/**
	 * False when this request's answer must not wait for a static-data write (see the node): a new key then
	 * stays in this process until a later request writes the ledger. A refused replay always writes it.
	 */
	persist: boolean;
}

export const KEY_CHARS = 16;
const BUCKET_SECONDS = 60;
const STORE_PROPERTY = 'replayLedger';

interface Bucket {
	keys: Set<string>;
	/** The keys in insertion order, as stored (kept incrementally: appending builds a rope, not a copy). */
	text: string;
}

const processLedgers = new Map<string, Map<number, Bucket>>();

const digest = (key: string) =>
	createHash('sha256').update(key).digest('base64url').slice(0, KEY_CHARS);

const bucketOf = (expiresAt: number) => Math.ceil(expiresAt / BUCKET_SECONDS) * BUCKET_SECONDS;

function addKey(buckets: Map<number, Bucket>, bucketEnd: number, key: string): void {
	const bucket = buckets.get(bucketEnd) ?? { keys: new Set<string>(), text: '' };
	buckets.set(bucketEnd, bucket);
	if (bucket.keys.has(key)) return;
	bucket.keys.add(key);
	bucket.text += key;
}

/** Adds the stored keys this process has not seen; true when the stored form lacks keys held here. */
function mergeStored(local: Map<number, Bucket>, stored: Record<string, string>): boolean {
	for (const [end, text] of Object.entries(stored)) {
		const bucketEnd = Number(end);
		const mine = local.get(bucketEnd);
		if (mine?.text === text) continue;
		// Usually the stored string is ours plus keys appended elsewhere: only read the new tail.
		const from = mine && text.startsWith(mine.text) ? mine.text.length : 0;
		for (let i = from; i + KEY_CHARS <= text.length; i += KEY_CHARS) {
			addKey(local, bucketEnd, text.slice(i, i + KEY_CHARS));
		}
	}
	for (const [end, bucket] of local) {
		if (stored[end] !== bucket.text) return true;
	}
	return false;
}

function dropExpired(local: Map<number, Bucket>, nowSeconds: number): boolean {
	let dropped = false;
	for (const end of local.keys()) {
		if (end <= nowSeconds) dropped = local.delete(end) || dropped;
	}
	return dropped;
}

/** Forgets the keys that expire soonest until at most `maxEntries` remain. */
function keepNewest(local: Map<number, Bucket>, maxEntries: number): boolean {
	let total = 0;
	for (const bucket of local.values()) total += bucket.keys.size;
	if (total <= maxEntries) return false;
	for (const end of [...local.keys()].sort((a, b) => a - b)) {
		if (total <= maxEntries) break;
		const bucket = local.get(end)!;
		const excess = total - maxEntries;
		if (bucket.keys.size <= excess) {
			total -= bucket.keys.size;
			local.delete(end);
			continue;
		}
		// Within a minute the first-added keys go first (a Set iterates in insertion order).
		const forget = [...bucket.keys].slice(0, excess);
		for (const key of forget) bucket.keys.delete(key);
		bucket.text = bucket.text.slice(excess * KEY_CHARS);
		total -= excess;
	}
	return true;
}

/** The stored form, reading the first release's `replayKeys` ({key: expiresAt}) as well. */
function readStored(staticData: IDataObject): Record<string, string> {
	const stored = { ...((staticData[STORE_PROPERTY] as StoredLedger | undefined)?.buckets ?? {}) };
	const legacy = staticData.replayKeys as Record<string, number> | undefined;
	if (legacy) {
		for (const [key, expiresAt] of Object.entries(legacy)) {
			const end = String(bucketOf(expiresAt));
			stored[end] = (stored[end] ?? '') + key.slice(0, KEY_CHARS);
		}
	}
	return stored;
}

/**
 * True when the key was already accepted and has not expired; otherwise records it. `staticData` is the
 * node's workflow static data, updated in place only when something changed (each change is a database write).
 */
export function isReplay(staticData: IDataObject, check: ReplayCheck): boolean {
	const local = processLedgers.get(check.scope) ?? new Map<number, Bucket>();
	processLedgers.set(check.scope, local);

	const stored = readStored(staticData);
	// The first release's form is rewritten as soon as anything is written.
	let changed = mergeStored(local, stored) || staticData.replayKeys !== undefined;
	changed = dropExpired(local, check.nowSeconds) || changed;
	for (const end of Object.keys(stored)) if (!local.has(Number(end))) changed = true;

	const key = digest(check.key);
	let replay = false;
	for (const bucket of local.values()) {
		if (bucket.keys.has(key)) {
			replay = true;
			break;
		}
	}
	if (!replay) {
		addKey(local, bucketOf(check.expiresAt), key);
		changed = true;
	}
	changed = keepNewest(local, check.maxEntries) || changed;

	if (changed && (check.persist || replay)) {
		const buckets: Record<string, string> = {};
		for (const [end, bucket] of local) buckets[end] = bucket.text;
		staticData[STORE_PROPERTY] = { buckets } satisfies StoredLedger as unknown as IDataObject;
		if (staticData.replayKeys !== undefined) delete staticData.replayKeys;
	}
	return replay;
}
