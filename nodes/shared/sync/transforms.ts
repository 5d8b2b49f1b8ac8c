// The named transforms a field map may apply on the way to the other side. A fixed, named list (not
// expressions) so a mapping can be validated before a run and so every transform is idempotent:
// applying it to its own output changes nothing, which keeps echo suppression exact.
import { normalizeDomain } from '../domain/normalizeDomain';
import type { TransformName } from './types';

export type Transform = (value: string) => string;

// A value that is not a domain passes through unchanged: a transform must never lose data.
function domainPart(part: 'domain' | 'registrable'): Transform {
	return (value) => {
		const result = normalizeDomain(value);
		return result.error === undefined ? result[part] : value;
	};
}

export const TRANSFORMS: Readonly<Record<TransformName, Transform>> = {
	trim: (value) => value.trim(),
	lowercase: (value) => value.toLowerCase(),
	uppercase: (value) => value.toUpperCase(),
	/** Hostname without scheme, path or `www.`: `https://www.Acme.com/x` → `acme.com`. */
	domain: domainPart('domain'),
	/** Registrable domain (eTLD+1): `eu.shop.acme.co.uk` → `acme.co.uk`. */
	registrableDomain: domainPart('registrable'),
};

export function isTransformName(name: unknown): name is TransformName {
	return typeof name === 'string' && Object.prototype.hasOwnProperty.call(TRANSFORMS, name);
}
