// The node's outputs. Every input item ends on exactly one of them, paired with itself:
// "Success" with what HubSpot did; "Rejected" with a record HubSpot (or the node's own checks)
// refused inside an otherwise good run — data, with the reason and the input item. A call that
// cannot succeed at all (bad token, missing scope, unknown object, retries exhausted) is not data:
// it fails the node, unless the user chose On Error → Continue, where n8n's own conventions apply.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { continuedItem } from '../../../glue/items';
import { HubSpotFailure, toFailure } from '../../transport/failure';

type Reason = HubSpotFailure | { message: string; category: string; details?: IDataObject };

/** Stops the operation: a call failed and the node does not continue on fail (see the router). */
export class CallFailed extends Error {
	constructor(
		readonly failure: HubSpotFailure,
		readonly itemIndex: number,
	) {
		super(failure.message);
		this.name = 'CallFailed';
	}
}

export class ItemOutputs {
	/** Input index → output items for it (operations such as search return several per input). */
	private readonly success = new Map<number, IDataObject[]>();
	private readonly rejected = new Map<number, IDataObject>();
	/** Items whose call failed, kept only when the user chose On Error → Continue. */
	private readonly callFailures = new Map<number, HubSpotFailure>();

	constructor(
		private readonly fn: IExecuteFunctions,
		private readonly items: INodeExecutionData[],
	) {}

	succeed(index: number, json: IDataObject): void {
		const list = this.success.get(index);
		if (list) list.push(json);
		else this.success.set(index, [json]);
	}

	/** Adds fields to an item already on Success (e.g. the company a contact was associated with). */
	annotate(index: number, fields: IDataObject): void {
		this.success.set(
			index,
			(this.success.get(index) ?? []).map((json) => ({ ...json, ...fields })),
		);
	}

	/** A record refused: the item goes to Rejected, taking back what it had on Success (as `partial`). */
	fail(index: number, failure: Reason): void {
		const { message, ...reason } =
			failure instanceof HubSpotFailure ? failure.toJSON() : { ...failure };
		const partial = this.success.get(index);
		this.success.delete(index);
		this.rejected.set(index, {
			error: message,
			...reason,
			...(partial?.length ? { partial: partial.length === 1 ? partial[0] : partial } : {}),
			input: this.items[index].json,
		});
	}

	failAll(indexes: readonly number[], failure: Reason): void {
		for (const index of indexes) this.fail(index, failure);
	}

	/**
	 * A HubSpot call these items needed could not succeed. Stops the operation with CallFailed (the
	 * router turns it into n8n's NodeApiError: the execution turns red) unless the node continues on
	 * fail; then the items carry the error the way n8n expects and the operation goes on.
	 */
	failCall(indexes: readonly number[], error: unknown): void {
		const stop = this.recordCallFailure(indexes, error);
		if (stop) throw stop;
	}

	/** failCall without the throw: the CallFailed to stop with, or undefined when the node continues. */
	recordCallFailure(indexes: readonly number[], error: unknown): CallFailed | undefined {
		if (!indexes.length) return undefined;
		const failure = toFailure(error);
		if (!this.fn.continueOnFail()) return new CallFailed(failure, indexes[0]);
		for (const index of indexes) {
			this.success.delete(index);
			this.rejected.delete(index);
			this.callFailures.set(index, failure);
		}
		return undefined;
	}

	/** Whether the item already has an answer on any output. */
	settled(index: number): boolean {
		return this.success.has(index) || this.rejected.has(index) || this.callFailures.has(index);
	}

	/**
	 * [Success, Rejected], each in input order. `withInput`: a success item carries its input item's
	 * fields with HubSpot's answer under `hubspot`, so the next node reads both from `$json`. Items
	 * whose call failed go on Success as n8n's continue-on-fail items: with *Continue (using error
	 * output)* only `{error}`, which n8n moves to the error output with the input item's fields; with
	 * *Continue* the input item with an `error` field.
	 */
	/** Inputs per outcome: written or read, rejected by HubSpot, or stopped by a call that failed. */
	counts(): { success: number; rejected: number; failed: number } {
		return {
			success: this.success.size,
			rejected: this.rejected.size,
			failed: this.callFailures.size,
		};
	}

	toOutputs(withInput = false): INodeExecutionData[][] {
		const ordered = <T>(map: Map<number, T>) => [...map].sort(([a], [b]) => a - b);
		const shape = (item: number, json: IDataObject) =>
			withInput ? { ...this.items[item].json, hubspot: json } : json;
		const success = [
			...[...this.success].flatMap(([item, list]) =>
				list.map((json) => ({ item, output: { json: shape(item, json), pairedItem: { item } } })),
			),
			...[...this.callFailures].map(([item, failure]) => ({
				item,
				output: continuedItem(this.fn, item, `HubSpot: ${failure.message}`),
			})),
		]
			.sort((a, b) => a.item - b.item)
			.map(({ output }) => output);
		const rejected = ordered(this.rejected).map(([item, json]) => ({ json, pairedItem: { item } }));
		return [success, rejected];
	}
}
