import * as n8nWorkflow from 'n8n-workflow';
import type { INodeParameters, IWebhookDescription, NodeParameterValueType } from 'n8n-workflow';

/**
 * Webhook-description fields declared once, as n8n's own Webhook node declares them. n8n 2.x resolves a
 * field built by n8n-workflow's `webhookDescriptionFields` without its expression engine while the node's
 * parameters hold no expression; otherwise every template below is evaluated in the engine's isolate several
 * times per request (finding the webhook, deciding the response, building the URL), which costs more than the
 * whole verification. n8n 1.x's n8n-workflow has no such helpers: there the plain templates are used, and
 * evaluated as before. Nothing of n8n's internals is copied here: the helpers are taken from n8n-workflow
 * when it exports them.
 */
type Helpers = Partial<Pick<typeof n8nWorkflow, 'webhookDescriptionFields' | 'fromParameter'>>;
const helpers = n8nWorkflow as Helpers;

/** A field: a parameter read as is, or a self-contained function of the parameters. */
export type WebhookField =
	| { parameter: string }
	| {
			template: string;
			compute: (parameters: INodeParameters) => NodeParameterValueType | undefined;
	  };

export const fromParameter = (parameter: string): WebhookField => ({ parameter });

/** `template` is the rule as an expression (what the editor and n8n 1.x evaluate), `compute` the same in code. */
export const computed = (
	template: string,
	compute: (parameters: INodeParameters) => NodeParameterValueType | undefined,
): WebhookField => ({ template, compute });

/** Spreads into a webhook description. */
export function nativeWebhookFields(
	fields: Record<string, WebhookField>,
): Partial<IWebhookDescription> {
	const { webhookDescriptionFields, fromParameter: parameterField } = helpers;
	if (webhookDescriptionFields && parameterField) {
		return webhookDescriptionFields(
			Object.fromEntries(
				Object.entries(fields).map(([name, field]) => [
					name,
					'parameter' in field
						? parameterField(field.parameter)
						: { template: field.template, resolve: field.compute },
				]),
			),
		) as Partial<IWebhookDescription>;
	}
	return Object.fromEntries(
		Object.entries(fields).map(([name, field]) => [
			name,
			'parameter' in field ? `={{$parameter["${field.parameter}"]}}` : field.template,
		]),
	) as Partial<IWebhookDescription>;
}
