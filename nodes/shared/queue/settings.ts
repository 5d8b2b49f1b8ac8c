/** How a durable work queue behaves: the settings a drain and its settle step share. */
export interface QueueSettings {
	/** A claim whose drain died is taken again after this long. Longer than a drain ever runs. */
	leaseSeconds: number;
	/** Attempts before a failed row is parked as a dead letter. */
	maxAttempts: number;
	/** Wait before the first retry; doubled for each further attempt. */
	backoffSeconds: number;
	/** The wait never grows past this. */
	maxBackoffSeconds: number;
	/** Rows one drain claims at most (the rest wait for the next drain). */
	batchSize: number;
	/** Done rows are deleted after this long (hours); dead letters stay until replayed or removed. */
	retentionHours: number;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
	leaseSeconds: 300,
	maxAttempts: 5,
	backoffSeconds: 30,
	maxBackoffSeconds: 3600,
	batchSize: 1000,
	retentionHours: 24,
};

/** Each setting that cannot work, named with the fix. */
export function settingsProblems(settings: QueueSettings): string[] {
	const problems: string[] = [];
	const positive = (name: keyof QueueSettings, label: string, integer = false) => {
		const value = settings[name];
		if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)))
			problems.push(`${label} must be a positive ${integer ? 'whole ' : ''}number (got ${value})`);
	};
	positive('leaseSeconds', 'Lease (Seconds)');
	positive('maxAttempts', 'Max Attempts', true);
	positive('backoffSeconds', 'Retry Backoff (Seconds)');
	positive('maxBackoffSeconds', 'Max Backoff (Seconds)');
	positive('batchSize', 'Rows per Drain', true);
	if (!(settings.retentionHours >= 0)) problems.push('Keep Done Rows (Hours) must be 0 or more');
	if (settings.maxBackoffSeconds < settings.backoffSeconds)
		problems.push('Max Backoff (Seconds) must not be below Retry Backoff (Seconds)');
	return problems;
}

/** Wait before the attempt after `failedAttempts` failures: base × 2^(n−1), capped. */
export function backoffSeconds(failedAttempts: number, settings: QueueSettings): number {
	const exponent = Math.max(0, failedAttempts - 1);
	return Math.min(
		settings.maxBackoffSeconds,
		settings.backoffSeconds * 2 ** Math.min(exponent, 30),
	);
}
