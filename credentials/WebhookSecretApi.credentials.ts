import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret a sender signs its webhooks with. Two slots so a secret can be rotated without downtime:
 * both verify while the sender switches over, then the previous one is cleared. There is no remote
 * endpoint to test against; the nodes that use it test it locally (`testedBy`).
 */
export class WebhookSecretApi implements ICredentialType {
	name = 'webhookSecretApi';

	displayName = 'Webhook Signing Secret API';

	icon = { light: 'file:webhookSecret.svg', dark: 'file:webhookSecret.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-revops/n8n-nodes-revops#signed-webhooks';

	properties: INodeProperties[] = [
		{
			displayName: 'Current Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The signing secret the sender uses now (e.g. whsec_… for Stripe or Standard Webhooks)',
		},
		{
			displayName: 'Previous Secret',
			name: 'previousSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The secret being rotated out; requests signed with it are still accepted until you clear it',
		},
	];
}
