// Everything the HubSpot emulator holds: data (store), credentials (tokens), limit counters and
// behaviour settings. Only `store` goes into snapshots; the rest is configuration of a run.
import type { Clock } from '../clock';
import type { Faults } from '../faults';
import { RateLimits } from './ratelimit';
import { HubSpotStore } from './store';
import { Tokens } from './tokens';

export interface HubSpotSettings {
	/** New writes stay invisible to CRM search for this long (HubSpot search is eventually consistent). */
	searchIndexLagMs: number;
	searchMaxFilterGroups: number;
	searchMaxFiltersPerGroup: number;
	searchMaxFilters: number;
	/** Search paging stops at 10,000 results. */
	searchMaxResults: number;
	batchMaxInputs: number;
}

export const defaultSettings = (): HubSpotSettings => ({
	searchIndexLagMs: 0,
	searchMaxFilterGroups: 5,
	searchMaxFiltersPerGroup: 6,
	searchMaxFilters: 18,
	searchMaxResults: 10_000,
	batchMaxInputs: 100,
});

export class HubSpotState {
	readonly store: HubSpotStore;
	readonly tokens = new Tokens();
	readonly rateLimits = new RateLimits();
	settings = defaultSettings();

	constructor(
		readonly clock: Clock,
		readonly faults: Faults,
	) {
		this.store = new HubSpotStore(clock);
	}

	reset() {
		this.store.reset();
		this.tokens.reset();
		this.rateLimits.reset();
		this.settings = defaultSettings();
	}
}
