import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
} from 'n8n-workflow';
import type { MissingPolicy, Normalization, ScoreComponent, ScoreConfig } from '../shared/scoring';

export interface SignalScoreParameters {
	/** What the pure scorer takes. */
	config: ScoreConfig;
	scoreField: string;
	tierField: string;
	/** Unset when the explanation is turned off. */
	explanationField?: string;
	/** One output per tier instead of one output. */
	splitByTier: boolean;
}

/** The node's parameters (read once, for the whole input). Throws with the fix when a lookup map is invalid. */
export function readParameters(context: IExecuteFunctions): SignalScoreParameters {
	const node = context.getNode();
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const components =
		((context.getNodeParameter('components', 0, {}) as IDataObject).component as IDataObject[]) ??
		[];
	const tiers =
		((context.getNodeParameter('tiers', 0, {}) as IDataObject).tier as IDataObject[]) ?? [];
	return {
		config: {
			components: components.map((c, index) => component(node, c, index)),
			tiers: tiers.map((t) => ({ name: String(t.name ?? '').trim(), min: Number(t.min) })),
			fallbackTier: (context.getNodeParameter('fallbackTier', 0, 'cold') as string) || 'cold',
			decimals: Number(options.decimals ?? 1),
		},
		scoreField: (options.scoreField as string) || 'signal_score',
		tierField: (options.tierField as string) || 'signal_tier',
		explanationField:
			options.explain !== false
				? (options.explanationField as string) || 'signal_explanation'
				: undefined,
		splitByTier: context.getNodeParameter('splitByTier', 0, false) as boolean,
	};
}

/** One entry of the Components list → a scored component with its normalisation. */
function component(node: INode, p: IDataObject, index: number): ScoreComponent {
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
