import { clay } from './clay';
import { custom } from './custom';
import { github } from './github';
import { hubspotV1, hubspotV2, hubspotV3 } from './hubspot';
import { shopify } from './shopify';
import { slack } from './slack';
import { standardWebhooks } from './standardWebhooks';
import { stripe } from './stripe';
import { twilio } from './twilio';
import type { Scheme, SchemeName } from './types';

/** The one table verify and sign both dispatch through. */
export const SCHEMES: Record<SchemeName, Scheme> = {
	standardWebhooks,
	stripe,
	github,
	slack,
	shopify,
	hubspotV1,
	hubspotV2,
	hubspotV3,
	twilio,
	clay,
	custom,
};

export const isSchemeName = (name: string): name is SchemeName =>
	Object.prototype.hasOwnProperty.call(SCHEMES, name);
