// Clay accepts at most 50,000 submissions per webhook source, ever. The push node counts what it has sent
// (across executions, in n8n's storage) and plans each run against what is left: how many rows may go,
// whether to warn, and the message when the cap is reached.

export const CLAY_SOURCE_CAP = 50_000;
export const DEFAULT_WARN_SHARE = 0.9;

export interface CapPlan {
	/** Rows of this run that may be sent. */
	allowed: number;
	/** Rows that must not be sent: the cap would be exceeded. */
	refused: number;
	/** Set when this run crosses (or starts past) the warning share. */
	warning?: string;
	/** Set when rows are refused. */
	error?: string;
}

export interface CapUsage {
	/** Submissions already counted for this source. */
	used: number;
	/** Rows this run wants to send. */
	requested: number;
	cap?: number;
	warnShare?: number;
}

export function planSubmissions({
	used,
	requested,
	cap = CLAY_SOURCE_CAP,
	warnShare = DEFAULT_WARN_SHARE,
}: CapUsage): CapPlan {
	const left = Math.max(0, cap - used);
	const allowed = Math.min(left, Math.max(0, requested));
	const refused = Math.max(0, requested) - allowed;
	const after = used + allowed;
	const plan: CapPlan = { allowed, refused };
	if (after >= cap * warnShare) {
		plan.warning = `Clay webhook source at ${after.toLocaleString('en-US')} of ${cap.toLocaleString('en-US')} submissions (${Math.floor((after / cap) * 100)} %); create a new webhook source in Clay before it is full`;
	}
	if (refused > 0) {
		plan.error = `Clay webhook source reached its cap of ${cap.toLocaleString('en-US')} submissions: ${refused} row(s) not sent. Create a new webhook source in Clay, point this node at it and reset the count (option "Reset Submission Count")`;
	}
	return plan;
}
