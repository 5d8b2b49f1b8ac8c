// HubSpot's rate limits belong to the app (the credential), not to one node: a company step and the
// contact step after it, or two executions running at once in this n8n process, draw on the same
// budget. So they share one throttle planner per credential and base URL, instead of each starting
// from an empty log and spending a window the previous step already used. The Remaining header still
// covers what other processes (queue-mode workers, other tools) spend.
import { ThrottlePlanner, type ThrottleSettings } from '../../shared/ratelimit';

interface Entry {
	planner: ThrottlePlanner;
	lastUsed: number;
}

const planners = new Map<string, Entry>();

/** Forgets planners idle for longer than their window: nothing they remember matters any more. */
function prune(now: number): void {
	for (const [key, entry] of planners) {
		const lastActive = Math.max(entry.lastUsed, entry.planner.lastCallAt);
		if (now - lastActive > entry.planner.limits.intervalMs * 2) planners.delete(key);
	}
}

export function sharedPlanner(
	key: string,
	settings: ThrottleSettings,
	now: number,
): ThrottlePlanner {
	prune(now);
	// Nodes with other settings (a reserve, another search limit) pace by their own rules.
	const id = `${key}|${settings.max}|${settings.searchPerSecond}|${settings.reserve}`;
	let entry = planners.get(id);
	if (!entry) {
		entry = { planner: new ThrottlePlanner(settings), lastUsed: now };
		planners.set(id, entry);
	}
	entry.lastUsed = now;
	return entry.planner;
}
