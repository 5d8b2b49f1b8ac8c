import type { ScoreConfig } from './types';

export const DEFAULT_TIERS = [
	{ name: 'hot', min: 80 },
	{ name: 'warm', min: 50 },
];

/**
 * Problems with the configuration itself (they apply to every item, so the node reports them
 * once, before scoring). Each message names the component and the fix.
 */
export function configProblems(config: ScoreConfig): string[] {
	const problems: string[] = [];
	if (config.components.length === 0) problems.push('Add at least one score component');
	let total = 0;
	config.components.forEach((c, i) => {
		const name = `Component ${i + 1} (${c.field || 'no field'})`;
		if (!c.field.trim()) problems.push(`${name}: set the field to read`);
		if (!Number.isFinite(c.weight) || c.weight < 0)
			problems.push(`${name}: weight must be a number ≥ 0`);
		else total += c.weight;
		const n = c.normalization;
		if (n.kind === 'minMax' && !(n.max > n.min))
			problems.push(`${name}: max must be greater than min`);
		if (n.kind === 'recency' && !(n.halfLifeDays > 0))
			problems.push(`${name}: half-life must be more than 0 days`);
	});
	if (config.components.length > 0 && total === 0)
		problems.push('Component weights sum to 0: give at least one a weight above 0');
	if (!Number.isInteger(config.decimals) || config.decimals < 0 || config.decimals > 6) {
		problems.push('Decimals must be a whole number from 0 to 6');
	}
	for (const tier of config.tiers) {
		if (!tier.name.trim()) problems.push('Every tier needs a name');
		if (!Number.isFinite(tier.min))
			problems.push(`Tier "${tier.name}": minimum score must be a number`);
	}
	return problems;
}
