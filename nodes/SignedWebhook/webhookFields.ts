import type { IDataObject, IWebhookDescription } from 'n8n-workflow';

/**
 * n8n (2.x, since the expression engine runs in a V8 isolate) resolves a webhook-description field without
 * the engine when the description carries, under this registered symbol, a resolver for it whose `template`
 * is exactly the field's value and the node's parameters hold no expression. Its own Webhook node does this
 * (`webhookDescriptionFields` in n8n-workflow); without it every template below is evaluated in the isolate
 * several times per request (finding the webhook, deciding the response, building the URL), which cost more
 * than the whole verification. The symbol is declared here rather than imported because older n8n versions
 * (1.x) do not export the helpers: there the key is simply ignored and the templates are evaluated as before.
 */
const WEBHOOK_RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers');

interface NativeField {
	template: string;
	resolve: (parameters: IDataObject) => unknown;
}

/**
 * `={{$parameter["name"]}}`, resolved natively to the same value. The `$parameter` proxy returns the stored
 * parameter as is (defaults included, as the Workflow constructor applies them) when nothing in the
 * parameters is an expression, which is the only case in which n8n uses the resolver.
 */
export const fromParameter = (name: string): NativeField => ({
	template: `={{$parameter["${name}"]}}`,
	resolve: (parameters) => parameters[name],
});

/** Spreads into a webhook description: each field's template, plus the resolvers under n8n's symbol key. */
export function nativeWebhookFields(
	fields: Record<string, NativeField>,
): Partial<IWebhookDescription> {
	const templates: Record<string, string> = {};
	for (const [name, field] of Object.entries(fields)) templates[name] = field.template;
	return { ...templates, [WEBHOOK_RESOLVERS]: fields } as Partial<IWebhookDescription>;
}
