import { getField, isMissing } from '../fields/getField';
import { normalize } from './normalize';
import type { Contribution, ScoreConfig, ScoreResult, Tier } from './types';

export function tierFor(score: number, tiers: Tier[], fallback: string): string {
	let best: Tier | undefined;
	for (const tier of tiers) if (score >= tier.min && (!best || tier.min > best.min)) best = tier;
	return best ? best.name : fallback;
}

function round(n: number, decimals: number): number {
	const f = Math.pow(10, decimals);
	return Math.round(n * f) / f;
}

/**
 * Weighted score of one record: Σ normalized × weight / Σ weight over the components that count.
 * Components skipped for a missing value drop out of both sums, so the others are renormalized.
 * `config` must have passed configProblems().
 */
export function scoreRecord(
	record: Record<string, unknown>,
	config: ScoreConfig,
	now: number,
): ScoreResult {
	const parts: Contribution[] = [];
	let weighted = 0;
	let weights = 0;
	for (const c of config.components) {
		const value = getField(record, c.field);
		const label = c.label || c.field;
		let normalized: number | null;
		if (isMissing(value)) {
			if (c.missing === 'error') {
				return {
					ok: false,
					field: c.field,
					message: `Field "${c.field}" is missing: map it, or set its missing-value policy to "skip" or "treat as 0"`,
				};
			}
			normalized = c.missing === 'zero' ? 0 : null;
		} else {
			const n = normalize(value, c.normalization, now);
			if (!n.ok) return { ok: false, field: c.field, message: `Field "${c.field}" ${n.message}` };
			normalized = n.value;
		}
		if (normalized !== null) {
			weighted += normalized * c.weight;
			weights += c.weight;
		}
		parts.push({
			label,
			field: c.field,
			value,
			normalized,
			weight: c.weight,
			effectiveWeight: 0,
			contribution: 0,
		});
	}
	if (weights === 0) {
		return {
			ok: false,
			field: config.components.map((c) => c.field).join(', '),
			message:
				'No score component has a value (or every present one has weight 0): map at least one field',
		};
	}
	for (const p of parts) {
		if (p.normalized === null) continue;
		p.effectiveWeight = round(p.weight / weights, 6);
		p.contribution = round((p.normalized * p.weight) / weights, config.decimals + 2);
	}
	const score = round(Math.min(100, Math.max(0, weighted / weights)), config.decimals);
	return {
		ok: true,
		score,
		tier: tierFor(score, config.tiers, config.fallbackTier),
		explanation: parts,
	};
}
