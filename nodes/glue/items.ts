import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type IPairedItemData,
} from 'n8n-workflow';

/**
 * A bad input item, the n8n way. Without "continue on fail" it stops the run with a NodeOperationError
 * carrying the item index, so the editor points at the item. With it, the item passes on as
 * `{json: {...item, error}}` paired with itself. For "Continue (using error output)" the node returns only
 * `{error}`: n8n's engine moves an item to the error output only when its JSON holds nothing but the error,
 * and adds the paired input item's fields back itself.
 */
export function failItem(
	context: IExecuteFunctions,
	index: number,
	problem: string,
): INodeExecutionData {
	const message = `${problem} (item ${index})`;
	if (!context.continueOnFail())
		throw new NodeOperationError(context.getNode(), message, { itemIndex: index });
	return continuedItem(context, index, message);
}

/**
 * An item that failed, passed on as On Error → Continue asks (the caller has checked continueOnFail):
 * `{error}` for the error output, the input item with `error` for the regular output. See failItem.
 */
export function continuedItem(
	context: IExecuteFunctions,
	index: number,
	message: string,
): INodeExecutionData {
	const pairedItem = { item: index };
	if (context.getNode().onError === 'continueErrorOutput')
		return { json: { error: message }, pairedItem };
	return { json: { ...context.getInputData()[index].json, error: message }, pairedItem };
}

/** pairedItem of an output item built from these input items: merged and aggregated items name them all. */
export function pairedWith(indexes: readonly number[]): IPairedItemData | IPairedItemData[] {
	return indexes.length === 1 ? { item: indexes[0] } : indexes.map((item) => ({ item }));
}
