export type Normalization =
	| { kind: 'percent' }
	| { kind: 'minMax'; min: number; max: number }
	| { kind: 'boolean' }
	| { kind: 'lookup'; map: Record<string, number>; fallback?: number }
	| { kind: 'recency'; halfLifeDays: number };

/** What to do when a record has no value for a component. */
export type MissingPolicy = 'skip' | 'zero' | 'error';

export interface ScoreComponent {
	field: string;
	weight: number;
	normalization: Normalization;
	missing: MissingPolicy;
	/** Shown in the explanation; defaults to the field. */
	label?: string;
}

export interface Tier {
	name: string;
	/** Inclusive lower bound on the 0–100 score. */
	min: number;
}

export interface ScoreConfig {
	components: ScoreComponent[];
	/** Sorted or not: the highest tier whose `min` the score reaches wins. */
	tiers: Tier[];
	/** Tier for scores below every threshold. */
	fallbackTier: string;
	decimals: number;
}

export interface Contribution {
	label: string;
	field: string;
	value: unknown;
	/** 0–100, or null when the value was missing and skipped. */
	normalized: number | null;
	weight: number;
	/** Share of the score after skipped components' weights were redistributed. */
	effectiveWeight: number;
	contribution: number;
}

export type ScoreResult =
	| { ok: true; score: number; tier: string; explanation: Contribution[] }
	| { ok: false; field: string; message: string };
