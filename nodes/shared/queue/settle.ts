import { backoffSeconds, type QueueSettings } from './settings';
import { NEVER, type ClaimMeta } from './claim';
import type { QueueState } from './records';

/** What happened to one claimed row in the pipeline. */
export type RowOutcome =
	| { meta: ClaimMeta; ok: true }
	| { meta: ClaimMeta; ok: false; reason: string; permanent?: boolean };

/** The columns a settled row is written back with. */
export interface SettledRow {
	id: number;
	state: QueueState;
	attempts: number;
	available_at: number;
	claim: string;
	last_error: string;
	done_at: number;
}

export interface Settlement {
	/** One write per claimed row that reported an outcome, done first, in claim order. */
	updates: SettledRow[];
	done: ClaimMeta[];
	retried: Array<{ meta: ClaimMeta; reason: string; retryAt: number; attempt: number }>;
	dead: Array<{ meta: ClaimMeta; reason: string; attempts: number }>;
}

const MAX_ERROR_LENGTH = 1000;

/**
 * Turns the outcomes of a drain into the rows' next states. A row reported more than once (two items
 * of one row, e.g. a company and its contact) failed if any report failed, with every reason. A failure
 * is retried after a growing backoff until Max Attempts, then parked as a dead letter; a permanent
 * failure (a payload that is not a row) is parked at once.
 */
export function settle(
	outcomes: readonly RowOutcome[],
	nowMs: number,
	settings: QueueSettings,
): Settlement {
	const byId = new Map<number, { meta: ClaimMeta; reasons: string[]; permanent: boolean }>();
	for (const outcome of outcomes) {
		const entry = byId.get(outcome.meta.id) ?? {
			meta: outcome.meta,
			reasons: [],
			permanent: false,
		};
		if (!outcome.ok) {
			if (!entry.reasons.includes(outcome.reason)) entry.reasons.push(outcome.reason);
			entry.permanent ||= outcome.permanent === true;
		}
		byId.set(outcome.meta.id, entry);
	}

	const settlement: Settlement = { updates: [], done: [], retried: [], dead: [] };
	for (const { meta, reasons, permanent } of byId.values()) {
		if (!reasons.length) {
			settlement.done.push(meta);
			settlement.updates.push({
				id: meta.id,
				state: 'done',
				attempts: meta.attempts + 1,
				available_at: NEVER,
				claim: '',
				last_error: '',
				done_at: nowMs,
			});
			continue;
		}
		const attempt = meta.attempts + 1;
		const reason = reasons.join('; ').slice(0, MAX_ERROR_LENGTH);
		if (permanent || attempt >= settings.maxAttempts) {
			settlement.dead.push({ meta, reason, attempts: attempt });
			settlement.updates.push({
				id: meta.id,
				state: 'dead',
				attempts: attempt,
				available_at: NEVER,
				claim: '',
				last_error: reason,
				done_at: 0,
			});
			continue;
		}
		const retryAt = nowMs + backoffSeconds(attempt, settings) * 1000;
		settlement.retried.push({ meta, reason, retryAt, attempt });
		settlement.updates.push({
			id: meta.id,
			state: 'pending',
			attempts: attempt,
			available_at: retryAt,
			claim: '',
			last_error: reason,
			done_at: 0,
		});
	}
	return settlement;
}

/** A dead letter made due again (replay): attempts start over, the last reason is kept for the record. */
export function replayed(id: number, nowMs: number): Omit<SettledRow, 'last_error'> {
	return { id, state: 'pending', attempts: 0, available_at: nowMs, claim: '', done_at: 0 };
}
