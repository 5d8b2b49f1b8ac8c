// A certificate authority of one sandbox instance: TLS clients told to trust it (NODE_EXTRA_CA_CERTS)
// accept the proxy's certificates for slack.com and the other proxied hosts; nothing else trusts it.
// Its private key never leaves this process's memory: only the CA certificate is written, into a
// private temp folder that dispose() removes.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as forge from 'node-forge';

export interface ServerCredentials {
	/** PEM private key. */
	key: string;
	/** PEM certificate chain: the host's certificate, then the CA's. */
	cert: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** RSA key pair from node:crypto (native, about ten times faster than node-forge's). */
function rsaKeyPair(): { privatePem: string; publicKey: forge.pki.rsa.PublicKey } {
	const { privateKey, publicKey } = generateKeyPairSync('rsa', {
		modulusLength: 2048,
		publicKeyEncoding: { type: 'spki', format: 'pem' },
		privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
	});
	return { privatePem: privateKey, publicKey: forge.pki.publicKeyFromPem(publicKey) };
}

function newCertificate(publicKey: forge.pki.rsa.PublicKey, days: number): forge.pki.Certificate {
	const cert = forge.pki.createCertificate();
	cert.publicKey = publicKey;
	// A leading 01 byte keeps the DER integer positive, as RFC 5280 requires of serial numbers.
	cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
	const now = Date.now();
	// Backdated a day so a client whose clock is a little behind does not see "not yet valid".
	cert.validity.notBefore = new Date(now - DAY_MS);
	cert.validity.notAfter = new Date(now + days * DAY_MS);
	return cert;
}

export class CertificateAuthority {
	/** The CA certificate, PEM: what clients add to their trusted roots. */
	readonly certPem: string;
	/** The file holding certPem (for NODE_EXTRA_CA_CERTS). */
	readonly certFile: string;
	private readonly dir: string;
	private readonly key: forge.pki.rsa.PrivateKey;
	private readonly cert: forge.pki.Certificate;
	/** One key for every host certificate: a second RSA key per host would only cost start time. */
	private serverKey?: ReturnType<typeof rsaKeyPair>;
	private readonly issued = new Map<string, ServerCredentials>();

	constructor() {
		const { privatePem, publicKey } = rsaKeyPair();
		this.key = forge.pki.privateKeyFromPem(privatePem);
		const cert = newCertificate(publicKey, 365);
		// A random suffix tells one sandbox's CA from another's in a trust store or a TLS error.
		const name = [
			{
				name: 'commonName',
				value: `n8n-nodes-revops sandbox CA ${randomBytes(4).toString('hex')}`,
			},
			{ name: 'organizationName', value: 'n8n-nodes-revops sandbox' },
		];
		cert.setSubject(name);
		cert.setIssuer(name);
		cert.setExtensions([
			{ name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
			{ name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
			{ name: 'subjectKeyIdentifier' },
		]);
		cert.sign(this.key, forge.md.sha256.create());
		this.cert = cert;
		this.certPem = forge.pki.certificateToPem(cert);
		this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'revops-sandbox-ca-'));
		this.certFile = path.join(this.dir, 'ca.pem');
		fs.writeFileSync(this.certFile, this.certPem, { mode: 0o644 });
	}

	/** Key and certificate for `host`, signed by this CA; made on first use, then reused. */
	credentialsFor(host: string): ServerCredentials {
		const known = this.issued.get(host);
		if (known) return known;
		this.serverKey ??= rsaKeyPair();
		const cert = newCertificate(this.serverKey.publicKey, 90);
		cert.setSubject([{ name: 'commonName', value: host }]);
		cert.setIssuer(this.cert.subject.attributes);
		cert.setExtensions([
			{ name: 'basicConstraints', cA: false, critical: true },
			{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
			{ name: 'extKeyUsage', serverAuth: true },
			// Clients check the name here, not in the common name.
			{ name: 'subjectAltName', altNames: [{ type: 2, value: host }] },
			{ name: 'subjectKeyIdentifier' },
			{
				name: 'authorityKeyIdentifier',
				keyIdentifier: this.cert.generateSubjectKeyIdentifier().getBytes(),
			},
		]);
		cert.sign(this.key, forge.md.sha256.create());
		const credentials = {
			key: this.serverKey.privatePem,
			cert: forge.pki.certificateToPem(cert) + this.certPem,
		};
		this.issued.set(host, credentials);
		return credentials;
	}

	/** Removes the certificate file and its folder. */
	dispose(): void {
		fs.rmSync(this.dir, { recursive: true, force: true });
	}
}
