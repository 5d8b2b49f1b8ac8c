import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

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
	const pairedItem = { item: index };
	if (context.getNode().onError === 'continueErrorOutput')
		return { json: { error: message }, pairedItem };
	return { json: { ...context.getInputData()[index].json, error: message }, pairedItem };
}
