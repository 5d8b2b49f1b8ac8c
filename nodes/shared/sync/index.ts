/**
 * Two-way sync engine: HubSpot companies (the source) ⇄ a warehouse table (the target). Pure: the node
 * reads both sides' changes and the link rows, calls planSync(), performs the writes, then stores
 * applyOutcomes(plan, outcomes).
 *
 * Rules (the unit tests' oracle is written from this list):
 *
 * Values. Every mapped field is read from either side into one canonical value of its type (canonical.ts):
 * empty text and missing are null; "12" and 12 are one number; "true"/"yes"/"1"/"t" and true one boolean;
 * timestamps are truncated to the field's precision (millisecond by default) and held as ISO text; JSON
 * is parsed, keys sorted. A value that cannot be read makes the whole record `invalid` (skipped, treated
 * as absent this run); a deleted record's values are not read. The transforms of a field (toTarget,
 * toSource) apply when a value crosses to the other side, never when it is read.
 *
 * Baselines. A link row keeps, per field, what each side held after the last sync (lastSynced, plus
 * lastSyncedTarget where the target's value differs). A side "changed" a field when its record is in this
 * run and its value differs from that side's baseline. A record not in the run is unchanged: its value is
 * its baseline. Keeping one baseline per side is what makes echoes exact even when a transform (domain
 * normalization, case) makes the two sides hold different text for one fact.
 *
 * Per field of a link (resolve.ts): the sides "agree" when writing either value across changes nothing.
 * - changed on one side only: its value (transformed) is written to the other side if it differs there
 *   and the value may flow; it may flow when the direction sends that side's changes and the record
 *   passes its direction's filter.
 * - changed on both sides and agreeing: nothing is written.
 * - changed on both, disagreeing, a conflict (reported): source_wins / target_wins name the winner;
 *   last_write_wins picks the record with the later updatedAt, a tie (or both unknown) going to the
 *   source; merge merges mergeFields as sets — an item survives when both sides have it or one side added
 *   it since the last sync (so removals stick) — written to each side the merge may flow to, and
 *   resolves other fields (and non-list JSON values) by last write. A winner whose value may not flow
 *   writes nothing: both sides keep their values (so source_to_target + target_wins protects edits
 *   made in the warehouse).
 * After the run each side's baseline is what it holds once the writes land.
 *
 * Direction. A side whose changes the direction does not send is never read as a source of writes: its
 * changes are skipped as `direction` and become its baseline, until the other side changes that field.
 *
 * Filters (per direction, evaluated on the sending record's own raw values): a new record that fails is
 * skipped as `filtered` and not linked. A linked record that fails stops sending (skipped `filtered`;
 * its values become its baseline) but still receives the other side's changes; the link remembers it was
 * filtered out, and when it passes again every field on which the sides then disagree counts as changed
 * on it, so what it changed meanwhile is sent. Filters never create deletes.
 *
 * Creates and matching. A record with no link is new. With `match`, new records of both sides sharing a
 * match key (e.g. registrable domain) are linked one to one in id order instead of being created twice;
 * a fresh link has empty baselines, so fields one side lacks are filled and fields both sides hold
 * differently are conflicts. Matching ignores filters and direction (linking writes nothing by itself)
 * but not deletes. Unmatched new records: deleted → `deleted`; direction not sending → `direction`;
 * failing the filter → `filtered`; else created on the other side with all its non-null fields. Keys:
 * `s:<sourceId>` for links born on the source or matched, `t:<targetId>` for links born on the target.
 *
 * Deletes (HubSpot archive ⇄ warehouse soft-delete flag). A delete arriving for a live link is written as
 * a delete to the other side when the direction sends the deleting side's changes (filters do not apply).
 * It wins over an edit on the other side under every strategy (reported as a `$deleted` conflict whose
 * values say which side is deleted): HubSpot cannot restore an archived company through its API. Once
 * either side is deleted the link is a tombstone: nothing more is synced, records arriving for it are
 * skipped as `deleted` (or `echo`, for our own delete coming back).
 *
 * Skips, one per record read that caused no write: `invalid`; `unchanged` for a re-read older than the
 * link's version; on a tombstone `echo`/`deleted`; otherwise a record with no changed field is `echo` if
 * we wrote that side last run, else `unchanged`; a record with changes is `direction`, `filtered`,
 * `conflict` (a change lost a conflict), or `unchanged` (the other side already held it).
 *
 * Failures. A link any of whose writes failed keeps its previous row, marked `retry`; the node reads
 * both of its records again next run, and the same differences give the same writes.
 */
export { applyOutcomes } from './state';
export { compileSyncConfig, SyncConfigError, type CompiledConfig } from './fieldMap';
export { DELETE_CONFLICT, planSync } from './plan';
export { passesFilter } from './filters';
export { TRANSFORMS } from './transforms';
export type * from './types';
