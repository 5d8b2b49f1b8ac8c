// The node's two outputs. Every input item ends on exactly one of them, paired with itself:
// "Success" with what HubSpot did, "Errors" with HubSpot's reason and the input item.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { HubSpotFailure } from '../../transport/failure';

type Reason = HubSpotFailure | { message: string; category: string; details?: IDataObject };

export class ItemOutputs {
	/** Input index → output items for it (operations such as search return several per input). */
	private readonly success = new Map<number, IDataObject[]>();
	private readonly errors = new Map<number, IDataObject>();

	constructor(private readonly items: INodeExecutionData[]) {}

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

	/** Sends an item to Errors, taking back what it had on Success (kept in the error as `partial`). */
	fail(index: number, failure: Reason): void {
		const { message, ...reason } =
			failure instanceof HubSpotFailure ? failure.toJSON() : { ...failure };
		const partial = this.success.get(index);
		this.success.delete(index);
		this.errors.set(index, {
			error: message,
			...reason,
			...(partial?.length ? { partial: partial.length === 1 ? partial[0] : partial } : {}),
			input: this.items[index].json,
		});
	}

	failAll(indexes: readonly number[], failure: Reason): void {
		for (const index of indexes) this.fail(index, failure);
	}

	/** Whether the item already has an answer on either output. */
	settled(index: number): boolean {
		return this.success.has(index) || this.errors.has(index);
	}

	/**
	 * [Success, Errors], each in input order. `withInput`: a success item carries its input item's
	 * fields with HubSpot's answer under `hubspot`, so the next node reads both from `$json`.
	 */
	toOutputs(withInput = false): INodeExecutionData[][] {
		const ordered = <T>(map: Map<number, T>) => [...map].sort(([a], [b]) => a - b);
		const shape = (item: number, json: IDataObject) =>
			withInput ? { ...this.items[item].json, hubspot: json } : json;
		const success = ordered(this.success).flatMap(([item, list]) =>
			list.map((json) => ({ json: shape(item, json), pairedItem: { item } })),
		);
		const errors = ordered(this.errors).map(([item, json]) => ({ json, pairedItem: { item } }));
		return [success, errors];
	}
}
