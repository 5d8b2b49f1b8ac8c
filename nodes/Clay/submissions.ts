// The 50,000-submission count of a webhook source, kept in n8n's processed-data store (the table behind
// Remove Duplicates v2), scoped to this node. Unlike workflow static data, which n8n writes only when an
// execution ends (and never for manual runs), each record() is written to the database at once, so rows
// sent by a run that later fails are still counted. One entry per accepted row: the count is the number of
// entries. Not atomic: two executions of this node recording at the same moment can each overwrite the
// other's entries (n8n reads, appends and writes the list), so concurrent runs can undercount by one chunk.
import { randomUUID } from 'node:crypto';
import type { IExecuteFunctions, ICheckProcessedOptions } from 'n8n-workflow';

export class SubmissionLedger {
	private readonly runId = randomUUID();
	private pending: string[] = [];
	private sent = 0;
	private readonly options: ICheckProcessedOptions;

	constructor(
		private readonly context: IExecuteFunctions,
		cap: number,
		/** Accepted rows kept in memory before they are written; bounds the loss if n8n dies mid-run. */
		private readonly chunk = 50,
	) {
		// Entries beyond maxEntries are trimmed oldest first: keep room for the whole cap.
		this.options = { mode: 'entries', maxEntries: cap + chunk };
	}

	async used(): Promise<number> {
		return await this.context.helpers.getProcessedDataCount('node', this.options);
	}

	async reset(): Promise<void> {
		await this.context.helpers.clearAllProcessedItems('node', this.options);
	}

	async accepted(): Promise<void> {
		this.pending.push(`${this.runId}:${this.sent++}`);
		if (this.pending.length >= this.chunk) await this.flush();
	}

	async flush(): Promise<void> {
		if (!this.pending.length) return;
		const keys = this.pending;
		this.pending = [];
		await this.context.helpers.checkProcessedAndRecord(keys, 'node', this.options);
	}
}
