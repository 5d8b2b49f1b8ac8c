// The whole sandbox in one object: the three emulated systems, the shared clock, fault knobs and
// request log. Tests reach it in-process as `sandbox.state`; the admin API drives it over HTTP.
import { Clock } from './clock';
import type { ClaySnapshot } from './clay/state';
import { ClayState } from './clay/state';
import { Faults } from './faults';
import { HubSpotState } from './hubspot/state';
import type { StoreSnapshot } from './hubspot/store';
import { RequestLog } from './requestlog';
import type { SlackSnapshot } from './slack/state';
import { SlackState } from './slack/state';

export interface Snapshot {
	version: 1;
	savedAt: string;
	hubspot: StoreSnapshot;
	slack: SlackSnapshot;
	clay: ClaySnapshot;
}

export class SandboxState {
	readonly clock: Clock;
	readonly faults = new Faults();
	readonly requests = new RequestLog();
	readonly hubspot: HubSpotState;
	readonly slack: SlackState;
	readonly clay: ClayState;

	constructor(now?: () => number) {
		this.clock = new Clock(now);
		this.hubspot = new HubSpotState(this.clock, this.faults);
		this.slack = new SlackState(this.clock);
		this.clay = new ClayState(this.clock);
	}

	/** Back to a fresh start: default data, limits and tokens, faults off, log empty, clock unshifted. */
	reset() {
		this.clock.reset();
		this.hubspot.reset();
		this.slack.reset();
		this.clay.reset();
		this.faults.reset();
		this.requests.clear();
	}

	snapshot(): Snapshot {
		return {
			version: 1,
			savedAt: new Date(this.clock.now()).toISOString(),
			hubspot: this.hubspot.store.toJSON(),
			slack: this.slack.toJSON(),
			clay: this.clay.toJSON(),
		};
	}

	restore(snapshot: Snapshot) {
		if (snapshot.version !== 1)
			throw new Error(`Unsupported snapshot version ${String(snapshot.version)}`);
		this.hubspot.store.load(snapshot.hubspot);
		this.slack.load(snapshot.slack);
		this.clay.load(snapshot.clay);
	}
}
