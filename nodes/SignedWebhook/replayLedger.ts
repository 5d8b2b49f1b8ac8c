import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * Replay keys the trigger accepted, each with the time (Unix seconds) until which a repeat is refused.
 *
 * The webhook handler runs before any execution, where n8n offers no processed-data helper; the storage it
 * does offer is the workflow's static data, which n8n reads from its database for every request and writes
 * back once the response is decided. That survives restarts and is seen by every n8n process, but it is a
 * read-modify-write of one row: two requests in flight at once would each miss the other's key. So the
 * ledger also keeps this process's keys in memory and checks-and-records there synchronously (one JS thread:
 * no interleaving), and folds them into every write so concurrent writes from this process do not drop keys.
 */
export type Ledger = Record<string, number>;

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

const processLedgers = new Map<string, Map<string, number>>();

/** 128 bits of the key: enough to never collide, short enough to keep thousands in static data. */
const digest = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 22);

function keepNewest(ledger: Map<string, number>, maxEntries: number): void {
	if (ledger.size <= maxEntries) return;
	const oldestFirst = [...ledger.entries()].sort((a, b) => a[1] - b[1]);
	for (const [key] of oldestFirst.slice(0, ledger.size - maxEntries)) ledger.delete(key);
}

/**
 * True when the key was already accepted and has not expired; otherwise records it. `staticData` is the
 * node's workflow static data, updated in place only when something changed (each change is a database write).
 */
export function isReplay(staticData: IDataObject, check: ReplayCheck): boolean {
	const stored = (staticData.replayKeys ?? {}) as Ledger;
	const local = processLedgers.get(check.scope) ?? new Map<string, number>();
	processLedgers.set(check.scope, local);

	const merged = new Map<string, number>();
	for (const source of [Object.entries(stored), local.entries()]) {
		for (const [key, expiresAt] of source) {
			if (expiresAt > check.nowSeconds) merged.set(key, Math.max(expiresAt, merged.get(key) ?? 0));
		}
	}
	const key = digest(check.key);
	const replay = merged.has(key);
	if (!replay) merged.set(key, check.expiresAt);
	keepNewest(merged, check.maxEntries);

	local.clear();
	for (const [k, v] of merged) local.set(k, v);
	const changed =
		merged.size !== Object.keys(stored).length || [...merged].some(([k, v]) => stored[k] !== v);
	if (changed && (check.persist || replay)) staticData.replayKeys = Object.fromEntries(merged);
	return replay;
}
