import type { DedupeOptions } from './dedupe';

/**
 * Default company dedupe: match on the registrable domain of the domain, website or email field; records
 * without a company domain (none, or free-mail) fall back to the normalized company name, and inside one
 * free-mail domain near-identical names (typos) also match. These are the settings BENCHMARKS.md measures.
 */
export function companyDedupeOptions(
	fields: { name?: string; domains?: string[] } = {},
): DedupeOptions {
	return {
		keys: [
			[{ kind: 'domain', fields: fields.domains ?? ['domain', 'website', 'email'] }],
			[{ kind: 'companyName', fields: [fields.name ?? 'name'] }],
		],
		keep: 'first',
		missingKey: 'error',
		joinFallbackKeys: true,
		fuzzyName: { algorithm: 'jaroWinkler', threshold: 0.95 },
	};
}
