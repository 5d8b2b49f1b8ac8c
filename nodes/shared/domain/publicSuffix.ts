import { PUBLIC_SUFFIX_RULES } from './publicSuffixRules.generated';

interface RuleSets {
	exact: Set<string>;
	/** `*.ck` is stored as `ck`: any single label under it is a public suffix. */
	wildcardParents: Set<string>;
	/** `!www.ck` is stored as `www.ck`: that name is registrable although a wildcard covers it. */
	exceptions: Set<string>;
}

let ruleSets: RuleSets | undefined;

// Parsed on first use so that loading the package (n8n loads every node at start) costs nothing.
function rules(): RuleSets {
	if (ruleSets) return ruleSets;
	const sets: RuleSets = { exact: new Set(), wildcardParents: new Set(), exceptions: new Set() };
	for (const rule of PUBLIC_SUFFIX_RULES.split('\n')) {
		if (rule.startsWith('*.')) sets.wildcardParents.add(rule.slice(2));
		else if (rule.startsWith('!')) sets.exceptions.add(rule.slice(1));
		else sets.exact.add(rule);
	}
	ruleSets = sets;
	return sets;
}

export interface SuffixSplit {
	/** The public suffix (eTLD) of the host, e.g. `co.uk`. */
	publicSuffix: string;
	/** eTLD+1, e.g. `google.co.uk`; `null` when the host is itself a public suffix. */
	registrable: string | null;
}

/**
 * Splits a lowercase ASCII hostname (no trailing dot) per the Public Suffix List algorithm:
 * the longest matching rule wins, exception rules beat wildcards, and an unlisted TLD is a suffix by itself.
 */
export function splitPublicSuffix(host: string): SuffixSplit {
	const { exact, wildcardParents, exceptions } = rules();
	let publicSuffixStart = host.lastIndexOf('.') + 1;
	// Walk suffixes from the whole host down to the last label; the first hit is the longest rule.
	for (let start = 0; start < host.length; ) {
		const suffix = start === 0 ? host : host.slice(start);
		const nextDot = host.indexOf('.', start);
		if (exceptions.has(suffix)) {
			publicSuffixStart = nextDot + 1;
			break;
		}
		if (exact.has(suffix) || (nextDot !== -1 && wildcardParents.has(host.slice(nextDot + 1)))) {
			publicSuffixStart = start;
			break;
		}
		if (nextDot === -1) break;
		start = nextDot + 1;
	}
	const publicSuffix = host.slice(publicSuffixStart);
	if (publicSuffixStart === 0) return { publicSuffix, registrable: null };
	const registrableStart = host.lastIndexOf('.', publicSuffixStart - 2) + 1;
	return { publicSuffix, registrable: host.slice(registrableStart) };
}
