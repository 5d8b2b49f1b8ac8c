// Every resource of the node, in the editor's order. The node's description and the router both
// read this list, so a resource or operation exists in one place.
import { association } from './association/Association.resource';
import type { Resource } from './common/resource';
import { company } from './company/Company.resource';
import { contact } from './contact/Contact.resource';
import { customObject } from './customObject/CustomObject.resource';
import { deal } from './deal/Deal.resource';
import { property } from './property/Property.resource';

export const resources: Resource[] = [association, company, contact, customObject, deal, property];
