import { createHash } from 'node:crypto';
import type {
	DeduplicationItemTypes,
	DeduplicationMode,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

interface Row {
	mode: DeduplicationMode;
	/** `entries`: hashes, oldest first; latest modes: one value. */
	data: DeduplicationItemTypes[] | DeduplicationItemTypes;
}

const hashOf = (item: DeduplicationItemTypes) =>
	createHash('md5').update(String(item)).digest('base64');

const yieldToOtherExecutions = () => new Promise<void>((resolve) => setImmediate(resolve));

function compare(
	mode: DeduplicationMode,
	a: DeduplicationItemTypes,
	b: DeduplicationItemTypes,
): number {
	const value = (v: DeduplicationItemTypes) =>
		mode === 'latestDate' ? new Date(v).getTime() : Number(v);
	const [x, y] = [value(a), value(b)];
	if (Number.isNaN(x) || Number.isNaN(y))
		throw new Error(`Invalid value for mode "${mode}": ${a} / ${b}`);
	return Math.sign(x - y);
}

/**
 * Processed-keys history for `this.helpers.checkProcessedAndRecord` and friends, kept in memory instead of
 * n8n's `processed_data` table. It mirrors n8n's DB-backed DeduplicationHelper (2.41): one row per workflow
 * and context (`n:<node id>` for scope `node`, `` for scope `workflow`), md5 hashes in `entries` mode trimmed
 * to `maxEntries` oldest first, an error when a row is reused with another mode. Like the real helper it
 * reads the row, awaits, then writes it back whole, so two executions racing on the same key can both see it
 * as new unless the node serializes them: tests of concurrency safety exercise the node, not this store.
 */
export class MemoryDedupeStore implements IDataDeduplicator {
	private readonly rows = new Map<string, Row>();

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		const key = this.rowKey(scope, contextData);
		const stored = this.read(key, options);
		await yieldToOtherExecutions();
		const result: IDeduplicationOutput = { new: [], processed: [] };
		if (options.mode === 'entries') {
			const hashes = Array.isArray(stored?.data) ? [...stored.data] : [];
			const seen = new Set(hashes);
			for (const item of items) {
				const hash = hashOf(item);
				if (seen.has(hash)) result.processed.push(item);
				else {
					result.new.push(item);
					hashes.push(hash);
					seen.add(hash);
				}
			}
			if (options.maxEntries) hashes.splice(0, Math.max(0, hashes.length - options.maxEntries));
			this.rows.set(key, { mode: options.mode, data: hashes });
			return result;
		}
		let latest = stored === undefined ? undefined : (stored.data as DeduplicationItemTypes);
		for (const item of items) {
			if (
				stored === undefined ||
				compare(options.mode, item, stored.data as DeduplicationItemTypes) > 0
			)
				result.new.push(item);
			else result.processed.push(item);
			if (latest === undefined || compare(options.mode, item, latest) > 0) latest = item;
		}
		if (latest !== undefined) this.rows.set(key, { mode: options.mode, data: latest });
		return result;
	}

	async removeProcessed(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<void> {
		if (options.mode !== 'entries')
			throw new Error('Removing processed data is not possible in mode "latest"');
		const key = this.rowKey(scope, contextData);
		const stored = this.rows.get(key);
		if (!stored || !Array.isArray(stored.data)) return;
		const remove = new Set(items.map(hashOf));
		this.rows.set(key, {
			...stored,
			data: stored.data.filter((hash) => !remove.has(String(hash))),
		});
	}

	async clearAllProcessedItems(
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
	): Promise<void> {
		this.rows.delete(this.rowKey(scope, contextData));
	}

	async getProcessedDataCount(
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<number> {
		const stored = this.rows.get(this.rowKey(scope, contextData));
		return options.mode === 'entries' && Array.isArray(stored?.data) ? stored.data.length : 0;
	}

	private read(key: string, options: ICheckProcessedOptions): Row | undefined {
		const stored = this.rows.get(key);
		if (stored && stored.mode !== options.mode) {
			throw new Error(
				`Deduplication data was saved in mode "${stored.mode}", not "${options.mode}"`,
			);
		}
		return stored;
	}

	private rowKey(scope: DeduplicationScope, contextData: ICheckProcessedContextData): string {
		if (scope === 'node' && !contextData.node)
			throw new Error("No node information has been provided and so cannot use scope 'node'");
		return `${contextData.workflow.id}\u001f${scope === 'node' ? `n:${contextData.node!.id}` : ''}`;
	}
}
