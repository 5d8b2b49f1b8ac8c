// Which of a row's values to write onto an existing HubSpot record. Enrichment tools send blanks
// and stale values; the policy decides per property so that CRM data people maintain survives.
import { isBlank, toPropertyValue } from './propertyValues';

export type UpdatePolicy = 'overwrite' | 'fillEmpty' | 'lastWriteWins';

export interface ExistingValues {
	/** Current values (HubSpot answers null or '' for unset). */
	properties: Record<string, string | null | undefined>;
	/** When each property last changed in HubSpot (epoch ms), from propertiesWithHistory. */
	changedAt?: Record<string, number | undefined>;
}

export interface WritePlanOptions {
	policy: UpdatePolicy;
	/** Send blank values (clearing the HubSpot value). Off by default. */
	sendEmpty: boolean;
	/** lastWriteWins: HubSpot values changed after this instant (epoch ms) are newer than the row. */
	rowTimestamp?: number;
}

export type SkipReason = 'blank' | 'hasValue' | 'newerInHubSpot' | 'unchanged';

export interface WritePlan {
	/** What to send; empty = nothing to write. */
	properties: Record<string, string>;
	skipped: Record<string, SkipReason>;
}

/** `existing` undefined = the record does not exist yet: every non-blank value is written. */
export function planWrite(
	desired: Record<string, unknown>,
	existing: ExistingValues | undefined,
	options: WritePlanOptions,
): WritePlan {
	const properties: Record<string, string> = {};
	const skipped: Record<string, SkipReason> = {};
	for (const [name, value] of Object.entries(desired)) {
		if (isBlank(value) && !options.sendEmpty) {
			skipped[name] = 'blank';
			continue;
		}
		const next = toPropertyValue(value);
		const current = existing?.properties[name];
		if (existing && (current ?? '') === next) {
			skipped[name] = 'unchanged';
			continue;
		}
		if (existing && options.policy === 'fillEmpty' && !isBlank(current)) {
			skipped[name] = 'hasValue';
			continue;
		}
		if (
			existing &&
			options.policy === 'lastWriteWins' &&
			isNewer(existing.changedAt?.[name], options.rowTimestamp)
		) {
			skipped[name] = 'newerInHubSpot';
			continue;
		}
		properties[name] = next;
	}
	return { properties, skipped };
}

function isNewer(changedAt: number | undefined, rowTimestamp: number | undefined): boolean {
	return changedAt !== undefined && rowTimestamp !== undefined && changedAt > rowTimestamp;
}

/** Latest change time per property from a record's `propertiesWithHistory`. */
export function changedAtFromHistory(
	history: Record<string, ReadonlyArray<{ timestamp?: string }>> | undefined,
): Record<string, number | undefined> {
	const changedAt: Record<string, number | undefined> = {};
	for (const [name, versions] of Object.entries(history ?? {})) {
		const times = versions
			.map((v) => Date.parse(v.timestamp ?? ''))
			.filter((t) => !Number.isNaN(t));
		changedAt[name] = times.length ? Math.max(...times) : undefined;
	}
	return changedAt;
}
