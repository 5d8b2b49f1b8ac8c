// What clients did, for assertions ("the node made 3 batch calls, none after a 429").
// Bounded so a benchmark can run for minutes without the log eating memory.

/** 'proxy': a proxy request the sandbox refused (a host it does not emulate); `path` is its target. */
export type System = 'hubspot' | 'slack' | 'clay' | 'admin' | 'proxy';

export interface LoggedRequest {
	seq: number;
	at: string;
	system: System;
	method: string;
	path: string;
	status: number;
	durationMs: number;
	token?: string;
	/** Set when the request came through the proxy: the real origin asked for, e.g. https://slack.com. */
	via?: string;
	/** Set when a fault knob, not the emulated logic, produced the outcome. */
	fault?: string;
}

export interface RequestQuery {
	system?: string;
	method?: string;
	pathContains?: string;
	status?: number;
	sinceSeq?: number;
	limit?: number;
}

export class RequestLog {
	private entries: LoggedRequest[] = [];
	private seq = 0;

	constructor(public capacity = 20_000) {}

	add(entry: Omit<LoggedRequest, 'seq'>): void {
		this.entries.push({ seq: ++this.seq, ...entry });
		if (this.entries.length > this.capacity * 1.25)
			this.entries = this.entries.slice(-this.capacity);
	}

	list(q: RequestQuery = {}): LoggedRequest[] {
		const out = this.entries.filter(
			(e) =>
				(!q.system || e.system === q.system) &&
				(!q.method || e.method === q.method.toUpperCase()) &&
				(!q.pathContains || e.path.includes(q.pathContains)) &&
				(q.status === undefined || e.status === q.status) &&
				(q.sinceSeq === undefined || e.seq > q.sinceSeq),
		);
		return q.limit ? out.slice(-q.limit) : out;
	}

	clear(): void {
		this.entries = [];
	}
}
