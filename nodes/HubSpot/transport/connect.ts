// A client for the credential the node is set to use, at the credential's base URL (so a proxy or
// the local sandbox can stand in for api.hubapi.com).
import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import type { CallMeter } from '../../shared/ratelimit';
import { HubSpotClient } from './client';
import { sharedPlanner } from './planners';
import { transportSettings } from './settings';

/** The credential type behind the node's Authentication choice. */
export function credentialTypeFor(authentication: string): string {
	return authentication === 'oAuth2' ? 'hubSpotRevOpsOAuth2Api' : 'hubSpotRevOpsPrivateAppApi';
}

export async function connect(
	caller: IExecuteFunctions | ILoadOptionsFunctions,
	authentication: string,
	options: IDataObject = {},
	meter?: CallMeter,
): Promise<HubSpotClient> {
	const credentialType = credentialTypeFor(authentication);
	const { baseUrl } = await caller.getCredentials<{ baseUrl?: string }>(credentialType);
	const base = (baseUrl || 'https://api.hubapi.com').replace(/\/+$/, '');
	const settings = transportSettings(options);
	const credentialId = caller.getNode().credentials?.[credentialType]?.id ?? '';
	const planner = sharedPlanner(
		`${credentialType}|${credentialId}|${base}`,
		settings.throttle,
		Date.now(),
	);
	return new HubSpotClient(caller, credentialType, base, settings, planner, meter);
}
