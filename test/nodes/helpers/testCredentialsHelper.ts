import { Credentials } from 'n8n-core';
import {
	ICredentialsHelper,
	isExpression,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type Workflow,
} from 'n8n-workflow';

/** A credential a test hands to the node: its type class instance and the values a user would enter. */
export interface TestCredential {
	type: ICredentialType;
	data: ICredentialDataDecryptedObject;
}

/**
 * Stands in for n8n's database-backed CredentialsHelper: it returns the test's values (with the type's
 * defaults filled in) instead of decrypting stored ones, and applies the type's `authenticate` the way n8n
 * does — a function is called, a generic definition has its `={{$credentials.x}}` expressions resolved by the
 * workflow's real expression engine — so `httpRequestWithAuthentication` sends what it would in n8n.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly byType = new Map<string, TestCredential>();

	constructor(credentials: readonly TestCredential[]) {
		super();
		for (const credential of credentials) this.byType.set(credential.type.name, credential);
	}

	private credentialOf(name: string): TestCredential {
		const credential = this.byType.get(name);
		if (!credential) throw new Error(`The test gave no credential of type "${name}"`);
		return credential;
	}

	private typeOf(name: string): ICredentialType {
		return this.credentialOf(name).type;
	}

	getParentTypes(name: string): string[] {
		return this.typeOf(name).extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.typeOf(type).properties;
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const credential = this.credentialOf(type);
		const defaults = Object.fromEntries(credential.type.properties.map((p) => [p.name, p.default]));
		return { ...defaults, ...credential.data } as ICredentialDataDecryptedObject;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.typeOf(typeName);
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!workflow || !node)
			throw new Error('Generic credential authentication needs the workflow and node');
		const resolve = (value: unknown) =>
			isExpression(value)
				? String(
						workflow.expression.getSimpleParameterValue(
							node,
							value as string,
							'internal',
							{ $credentials: credentials },
							undefined,
							'',
						) ?? '',
					)
				: value;
		const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			options[target] ??= {};
			for (const [key, value] of Object.entries(entries as Record<string, unknown>))
				options[target][String(resolve(key))] = resolve(value);
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeOf(typeName);
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		return Object.assign(credentials, await type.preAuthentication.call(helpers, credentials));
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeOf(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string) {
		return new Credentials(nodeCredentials, type);
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}
