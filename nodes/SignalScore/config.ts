import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import type {
	MissingPolicy,
	Normalization,
	ScoreComponent,
	ScoreConfig,
	Tier,
} from '../shared/scoring';

/** Node parameters → the pure scorer's configuration. Throws with the fix when JSON is invalid. */
export function componentFromParameters(
	node: INode,
	p: IDataObject,
	index: number,
): ScoreComponent {
	const kind = (p.normalization as string) ?? 'percent';
	let normalization: Normalization;
	if (kind === 'minMax')
		normalization = { kind, min: Number(p.min ?? 0), max: Number(p.max ?? 100) };
	else if (kind === 'recency') normalization = { kind, halfLifeDays: Number(p.halfLifeDays ?? 30) };
	else if (kind === 'lookup') {
		let parsed: unknown = p.lookup;
		if (typeof parsed === 'string') {
			try {
				parsed = JSON.parse(parsed);
			} catch {
				throw new NodeOperationError(
					node,
					`Component ${index + 1}: the lookup map is not valid JSON; write an object like {"enterprise": 100}`,
				);
			}
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw new NodeOperationError(
				node,
				`Component ${index + 1}: the lookup map must be a JSON object of value → score`,
			);
		}
		const map: Record<string, number> = {};
		for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
			const n = Number(v);
			if (!Number.isFinite(n))
				throw new NodeOperationError(
					node,
					`Component ${index + 1}: lookup score for "${k}" is not a number`,
				);
			map[k.trim().toLowerCase()] = n;
		}
		const fallback = Number(p.lookupFallback ?? -1);
		normalization = { kind, map, fallback: fallback >= 0 ? fallback : undefined };
	} else if (kind === 'boolean') normalization = { kind };
	else normalization = { kind: 'percent' };
	return {
		field: String(p.field ?? '').trim(),
		label: String(p.label ?? '').trim() || undefined,
		weight: Number(p.weight ?? 1),
		normalization,
		missing: ((p.missing as string) ?? 'skip') as MissingPolicy,
	};
}

export function tiersFromParameters(tiers: IDataObject[]): Tier[] {
	return tiers.map((t) => ({ name: String(t.name ?? '').trim(), min: Number(t.min) }));
}

/** Output order when splitting by tier: highest threshold first, the fallback tier last. */
export function tierOrder(config: Pick<ScoreConfig, 'tiers' | 'fallbackTier'>): string[] {
	return [...config.tiers]
		.sort((a, b) => b.min - a.min)
		.map((t) => t.name)
		.concat(config.fallbackTier);
}
