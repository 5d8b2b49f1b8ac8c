// The sync engine's vocabulary. Side A, the "source", is HubSpot (companies: string properties, an
// `updatedAt`, `archived`); side B, the "target", is a warehouse table (typed columns, a soft-delete flag).
// Everything here is plain JSON so a node can keep the link state in an n8n Data Table or PostgreSQL row.

export type Side = 'source' | 'target';

export type Direction = 'bidirectional' | 'source_to_target' | 'target_to_source';

export type Strategy = 'last_write_wins' | 'source_wins' | 'target_wins' | 'merge';

export type FieldType = 'string' | 'number' | 'boolean' | 'timestamp' | 'json';

/** Named, side-effect-free string transforms applied when a value crosses to the other side. */
export type TransformName = 'trim' | 'lowercase' | 'uppercase' | 'domain' | 'registrableDomain';

/** What a timestamp is compared and written at; `day` gives `YYYY-MM-DD` (HubSpot date properties). */
export type TimestampPrecision = 'millisecond' | 'second' | 'day';

export type JsonValue =
	| string
	| number
	| boolean
	| null
	| JsonValue[]
	| { [key: string]: JsonValue };

/**
 * A field's value in the engine's one representation, whichever side it came from: string (never empty),
 * finite number, boolean, timestamp as an ISO string at the field's precision, JSON with sorted keys,
 * or null for "no value".
 */
export type CanonicalValue = JsonValue;

export interface FieldMap {
	/** The field's name in state, conflicts and `mergeFields`; defaults to `source`. */
	name?: string;
	/** HubSpot property. */
	source: string;
	/** Warehouse column. */
	target: string;
	type: FieldType;
	/** Applied to the source's value on its way to the target (string fields only). */
	toTarget?: TransformName | TransformName[];
	/** Applied to the target's value on its way to the source (string fields only). */
	toSource?: TransformName | TransformName[];
	/** Timestamp fields only; default millisecond. */
	precision?: TimestampPrecision;
}

export type FilterOperator =
	| 'eq'
	| 'neq'
	| 'in'
	| 'not_in'
	| 'contains'
	| 'gt'
	| 'gte'
	| 'lt'
	| 'lte'
	| 'exists'
	| 'not_exists';

export interface FilterCondition {
	/** The side's own field name (HubSpot property, warehouse column): it need not be mapped. */
	field: string;
	operator: FilterOperator;
	/** eq, neq, contains, gt, gte, lt, lte. */
	value?: JsonValue;
	/** in, not_in. */
	values?: JsonValue[];
}

/** A record passes when every `include` condition holds and no `exclude` condition does. */
export interface FilterSet {
	include?: FilterCondition[];
	exclude?: FilterCondition[];
}

export interface SyncConfig {
	direction: Direction;
	strategy: Strategy;
	/** Fields merged as sets under `merge` (string fields split on `listSeparator`, or JSON arrays). */
	mergeFields?: string[];
	/** Separator of a string merge field's items; default `;` (HubSpot multiple checkboxes). */
	listSeparator?: string;
	fields: FieldMap[];
	/** `sourceToTarget` is evaluated on source records, `targetToSource` on target records. */
	filters?: { sourceToTarget?: FilterSet; targetToSource?: FilterSet };
	/** Links records that already exist on both sides on their first sync instead of duplicating them. */
	match?: { field: string; normalize?: MatchNormalize };
}

export type MatchNormalize = 'domain' | 'lowercase' | 'exact';

/** One record of a side as read since the last run. */
export interface SideRecord {
	id: string;
	/** HubSpot properties, or the warehouse row's columns, by the side's own field names. */
	values: Record<string, unknown>;
	/** ISO 8601, epoch ms or a Date; decides last_write_wins and drops stale re-reads. */
	updatedAt?: string | number | Date;
	/** HubSpot archived, or the warehouse soft-delete flag set. */
	deleted?: boolean;
}

export interface SyncInput {
	/** Source records changed since the last run (plus re-reads the node chose to add, e.g. retries). */
	source: SideRecord[];
	target: SideRecord[];
	/** The link rows of those records (passing more is harmless). */
	state: LinkState[];
}

/** One row of the durable store: what the engine remembers about one linked pair. */
export interface LinkState {
	/** `s:<sourceId>` or `t:<targetId>`, from the side the pair was first seen on; never changes. */
	key: string;
	sourceId?: string;
	targetId?: string;
	/** The normalized match value the pair was linked or created with. */
	matchKey?: string;
	/** Each field's canonical value on the source as of the last sync; a missing field is null. */
	lastSynced: Record<string, CanonicalValue>;
	/** Only the fields whose canonical value on the target differs from `lastSynced` (a transform, a
	 *  one-way rule or a lost-but-unwritable conflict made them differ). */
	lastSyncedTarget?: Record<string, CanonicalValue>;
	/** `updatedAt` (ISO) of the source record as last seen or written. */
	sourceVersion?: string;
	targetVersion?: string;
	sourceDeleted?: true;
	targetDeleted?: true;
	/** Sides written by the last run and not seen since: their next unchanged read is our own echo. */
	awaitingEcho?: Side[];
	/** Sides whose record failed its direction's filter when last seen: re-sent when they pass again. */
	filteredOut?: Side[];
	/** The last run's write for this link failed: the node should read both records again next run. */
	retry?: true;
}

/** Values by the side's field names: strings for HubSpot (`''` clears), typed JSON for the warehouse. */
export interface SideWrites<V> {
	creates: Array<{ key: string; values: Record<string, V> }>;
	/** Only the fields that change. */
	updates: Array<{ key: string; id: string; values: Record<string, V> }>;
	/** Archive in HubSpot; set the soft-delete flag in the warehouse. */
	deletes: Array<{ key: string; id: string }>;
}

export type Resolution = Strategy | 'delete_wins';

export interface Conflict {
	key: string;
	/** A field name, or `$deleted` for a delete on one side against an edit on the other. */
	field: string;
	sourceValue: CanonicalValue;
	targetValue: CanonicalValue;
	resolution: Resolution;
	winner: Side | 'merged';
}

export type SkipReason =
	/** Values equal the last sync and this side was written by us last run. */
	| 'echo'
	/** Nothing to write: values equal the last sync, the other side already holds them, or a stale re-read. */
	| 'unchanged'
	/** Fails its direction's filter. */
	| 'filtered'
	/** The direction does not send this side's changes. */
	| 'direction'
	/** Deleted, or its link is deleted on either side. */
	| 'deleted'
	/** Every change it carried lost a conflict (see `conflicts`). */
	| 'conflict'
	/** A value that cannot be read as its field's type, a bad updatedAt, or no id (see `message`). */
	| 'invalid';

export interface Skip {
	side: Side;
	id: string;
	reason: SkipReason;
	key?: string;
	message?: string;
}

export interface SyncPlan {
	writes: { source: SideWrites<string>; target: SideWrites<JsonValue> };
	conflicts: Conflict[];
	skipped: Skip[];
	/** The rows to upsert if every write succeeds (created ids are filled in by `applyOutcomes`). */
	nextState: LinkState[];
	/** Per link with writes: the row to keep if one of its writes fails (its previous state, marked retry). */
	onFailure: Record<string, LinkState>;
}

/** What happened to one planned write; a write with no outcome counts as succeeded, except creates,
 *  which need the new record's id. */
export type WriteOutcome =
	| { side: Side; key: string; ok: true; id?: string; updatedAt?: string | number | Date }
	| { side: Side; key: string; ok: false; error?: string };
