// Fault knobs: make the emulated systems misbehave the way real ones do on a bad day, with
// probabilities set per run through the admin API. Off by default. A seed makes a run repeatable.
import type { System } from './requestlog';

export interface SlowResponses {
	/** Share of requests delayed. */
	probability: number;
	/** Delay drawn uniformly between these bounds. */
	minMs: number;
	maxMs: number;
}

export interface FaultConfig {
	/** Seed for the fault dice; null = Math.random. */
	seed: number | null;
	/** Systems the knobs apply to. */
	systems: Exclude<System, 'admin' | 'proxy'>[];
	/** Regular expression on the path below the system prefix; null = every path. */
	pathPattern: string | null;
	rateLimit429: number;
	serverError500: number;
	badGateway502: number;
	serviceUnavailable503: number;
	/** Socket destroyed before any response byte (ECONNRESET at the client). */
	connectionReset: number;
	slow: SlowResponses;
	/** Share of HubSpot batch write/read calls answered 207 with some inputs failed (not applied). */
	batchPartialFailure: number;
	/** In such a call, the share of inputs that fail (at least one). */
	batchPartialFailureShare: number;
}

export type FaultOutcome = { kind: 'reset' } | { kind: 'status'; status: 429 | 500 | 502 | 503 };

export interface FaultDecision {
	delayMs: number;
	outcome?: FaultOutcome;
}

const PROBABILITIES = [
	'rateLimit429',
	'serverError500',
	'badGateway502',
	'serviceUnavailable503',
	'connectionReset',
	'batchPartialFailure',
	'batchPartialFailureShare',
] as const;

const SYSTEMS: FaultConfig['systems'] = ['hubspot', 'slack', 'clay'];

export function defaultFaults(): FaultConfig {
	return {
		seed: null,
		systems: [...SYSTEMS],
		pathPattern: null,
		rateLimit429: 0,
		serverError500: 0,
		badGateway502: 0,
		serviceUnavailable503: 0,
		connectionReset: 0,
		slow: { probability: 0, minMs: 0, maxMs: 0 },
		batchPartialFailure: 0,
		batchPartialFailureShare: 0.1,
	};
}

/** mulberry32: tiny, fast, good enough to roll fault dice reproducibly. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class Faults {
	config: FaultConfig = defaultFaults();
	private random: () => number = Math.random;
	private pathRegex: RegExp | null = null;

	/** Merges a partial config; throws a message fit for a 400 when a value is out of range. */
	update(patch: Partial<FaultConfig>): FaultConfig {
		// A misspelt knob would otherwise be stored and silently do nothing.
		const unknown = Object.keys(patch).filter((key) => !(key in this.config));
		if (unknown.length) throw new Error(`Unknown fault knob(s): ${unknown.join(', ')}`);
		const next: FaultConfig = {
			...this.config,
			...patch,
			slow: { ...this.config.slow, ...(patch.slow ?? {}) },
		};
		for (const key of PROBABILITIES) assertProbability(key, next[key]);
		assertProbability('slow.probability', next.slow.probability);
		if (!(next.slow.minMs >= 0 && next.slow.maxMs >= next.slow.minMs)) {
			throw new Error('slow.minMs must be >= 0 and slow.maxMs >= slow.minMs');
		}
		if (!Array.isArray(next.systems) || !next.systems.every((s) => SYSTEMS.includes(s))) {
			throw new Error(`systems must be a list of ${SYSTEMS.join(', ')}`);
		}
		this.pathRegex = next.pathPattern ? new RegExp(next.pathPattern) : null;
		this.config = next;
		this.random = next.seed === null ? Math.random : seeded(next.seed);
		return next;
	}

	reset(): void {
		this.config = defaultFaults();
		this.random = Math.random;
		this.pathRegex = null;
	}

	private applies(system: System, path: string): boolean {
		if (system === 'admin' || system === 'proxy' || !this.config.systems.includes(system))
			return false;
		return !this.pathRegex || this.pathRegex.test(path);
	}

	/** Rolls the dice for one request. Cheap when every knob is 0 (the default). */
	decide(system: System, path: string): FaultDecision {
		const c = this.config;
		const decision: FaultDecision = { delayMs: 0 };
		if (!this.applies(system, path)) return decision;
		if (c.slow.probability > 0 && this.random() < c.slow.probability) {
			decision.delayMs = c.slow.minMs + this.random() * (c.slow.maxMs - c.slow.minMs);
		}
		const roll = this.random();
		let edge = c.connectionReset;
		if (roll < edge) return { ...decision, outcome: { kind: 'reset' } };
		const statuses: Array<[429 | 500 | 502 | 503, number]> = [
			[429, c.rateLimit429],
			[500, c.serverError500],
			[502, c.badGateway502],
			[503, c.serviceUnavailable503],
		];
		for (const [status, p] of statuses) {
			edge += p;
			if (roll < edge) return { ...decision, outcome: { kind: 'status', status } };
		}
		return decision;
	}

	/** Indexes of batch inputs to fail in this call; empty when the call is left alone. */
	batchFailures(system: System, path: string, inputCount: number): Set<number> {
		const failed = new Set<number>();
		const c = this.config;
		if (inputCount === 0 || c.batchPartialFailure <= 0 || !this.applies(system, path))
			return failed;
		if (this.random() >= c.batchPartialFailure) return failed;
		const count = Math.max(1, Math.round(inputCount * c.batchPartialFailureShare));
		while (failed.size < Math.min(count, inputCount))
			failed.add(Math.floor(this.random() * inputCount));
		return failed;
	}
}

function assertProbability(name: string, value: unknown) {
	if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
		throw new Error(`${name} must be a probability between 0 and 1`);
	}
}
