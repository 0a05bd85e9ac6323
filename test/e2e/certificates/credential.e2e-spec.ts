import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CredentialKeysService } from '../../../src/certificates/credential/credential-keys.service';
import { CredentialKey } from '../../../src/certificates/entities/credential-key.entity';
import { Certificate } from '../../../src/certificates/entities/certificate.entity';
import { formatPublicCode } from '../../../src/certificates/public-code';
import { User } from '../../../src/users/user.entity';
import { createUser, signedInAgent } from '../../utils/factories';
import { Agent, createTestApp, TestApp } from '../../utils/test-app';
import { certificatesOf, completeCourse, simpleCourse } from './certificate-helpers';

const PUBLIC_URL = 'https://aprende.example.org';

function tamper(jwt: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  change(claims);
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('certificates: signed Open Badges 3.0 credential (VC-JWT, EdDSA)', () => {
  let testApp: TestApp;
  let learner: User;
  let agent: Agent;
  let certificate: Certificate;
  let jwt: string;

  const jwks = async () => (await request(testApp.server).get('/.well-known/jwks.json')).body as JSONWebKeySet;

  beforeAll(async () => {
    testApp = await createTestApp({ publicUrl: PUBLIC_URL }, { CREDENTIAL_KEY: 'a dedicated credential key of 32+ characters' });
    learner = await createUser(testApp.app, { name: 'Lucía Hernández' });
    agent = await signedInAgent(testApp.app, learner);
    const built = await simpleCourse(testApp.app, learner);
    await completeCourse(agent, built.course.slug);
    [certificate] = await certificatesOf(testApp.app, { userId: learner.id });
    const response = await agent.get(`/certificates/${certificate.id}/credential`);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toContain('.jwt');
    jwt = response.text;
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('publishes the public key as a JWKS, without any private part', async () => {
    const response = await request(testApp.server).get('/.well-known/jwks.json');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    const set = response.body as JSONWebKeySet;
    expect(set.keys).toHaveLength(1);
    expect(set.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: expect.any(String) });
    expect(set.keys[0]).not.toHaveProperty('d');
    const [row] = await testApp.app.get(DataSource).getRepository(CredentialKey).find();
    expect(row.privateKeyEncrypted).not.toMatch(/PRIVATE KEY|MC4CAQAw/);
  });

  it('verifies with the published JWKS and says what the certificate says', async () => {
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(await jwks()), {
      algorithms: ['EdDSA'],
      issuer: PUBLIC_URL,
    });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'JWT' });
    const vc = payload.vc as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(vc.type).toEqual(['VerifiableCredential', 'AchievementCredential']);
    expect(vc['@context']).toContain('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json');
    expect(vc.id).toBe(`${PUBLIC_URL}/verify/${formatPublicCode(certificate.code)}`);
    expect(payload.jti).toBe(vc.id);
    expect(vc.credentialSubject.identifier[0].identityHash).toBe('Lucía Hernández');
    expect(vc.credentialSubject.achievement.name).toBe(certificate.courseTitle);
    expect(vc.credentialSubject.achievement.description).toContain('4 horas');
    expect(vc.issuer.name).toBe('Aprende Protección');
  });

  it('fails after any change to its payload or signature', async () => {
    const keySet = createLocalJWKSet(await jwks());
    // The claims are walked as loose JSON to tamper with any nested field: `any` is the honest type here.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const changes: ((claims: Record<string, any>) => void)[] = [
      (claims) => {
        claims.vc.credentialSubject.identifier[0].identityHash = 'Lucia Hernandez';
      },
      (claims) => {
        claims.vc.credentialSubject.achievement.name = 'Otro curso';
      },
      (claims) => {
        claims.nbf = Number(claims.nbf) - 86400;
      },
      (claims) => {
        claims.iss = 'https://evil.example';
      },
      (claims) => {
        claims.extra = true;
      },
    ];
    for (const change of changes) {
      await expect(jwtVerify(tamper(jwt, change), keySet, { algorithms: ['EdDSA'] })).rejects.toThrow(/signature verification failed/);
    }
    const [header, payload, signature] = jwt.split('.');
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    await expect(jwtVerify([header, payload, flipped].join('.'), keySet, { algorithms: ['EdDSA'] })).rejects.toThrow();
  });

  it('keeps old credentials verifiable after a key rotation; new ones use the new key', async () => {
    const oldKid = decodeProtectedHeader(jwt).kid;
    const newKid = await testApp.app.get(CredentialKeysService).rotate();
    expect(newKid).not.toBe(oldKid);
    const set = await jwks();
    expect(set.keys.map((key) => key.kid).sort()).toEqual([oldKid, newKid].sort());
    await expect(jwtVerify(jwt, createLocalJWKSet(set), { algorithms: ['EdDSA'] })).resolves.toBeDefined();
    const other = await createUser(testApp.app);
    const otherAgent = await signedInAgent(testApp.app, other);
    const built = await simpleCourse(testApp.app, other);
    await completeCourse(otherAgent, built.course.slug);
    const [fresh] = await certificatesOf(testApp.app, { userId: other.id });
    const freshJwt = (await otherAgent.get(`/certificates/${fresh.id}/credential`)).text;
    expect(decodeProtectedHeader(freshJwt).kid).toBe(newKid);
    await expect(jwtVerify(freshJwt, createLocalJWKSet(set), { algorithms: ['EdDSA'] })).resolves.toBeDefined();
  });

  it('makes the key pair once, also when another instance starts on the same database', async () => {
    const before = await testApp.app.get(DataSource).getRepository(CredentialKey).count();
    const [a, b] = await Promise.all([testApp.anotherInstance(), testApp.anotherInstance()]);
    try {
      expect(await testApp.app.get(DataSource).getRepository(CredentialKey).count()).toBe(before);
      const fromOther = await request(a.server).get('/.well-known/jwks.json');
      expect(fromOther.body).toEqual(await jwks());
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('gives another learner a 404 for the credential, as for the PDF', async () => {
    const stranger = await signedInAgent(testApp.app, await createUser(testApp.app));
    expect((await stranger.get(`/certificates/${certificate.id}/credential`)).status).toBe(404);
    expect((await stranger.get(`/certificates/${certificate.id}/pdf`)).status).toBe(404);
    expect((await request(testApp.server).get(`/certificates/${certificate.id}/pdf`)).status).toBe(303);
  });
});

describe('certificates: the first key on two instances started together', () => {
  it('creates exactly one key', async () => {
    const testApp = await createTestApp();
    try {
      await testApp.app.get(DataSource).getRepository(CredentialKey).clear();
      const instances = await Promise.all([testApp.anotherInstance(), testApp.anotherInstance()]);
      try {
        expect(await testApp.app.get(DataSource).getRepository(CredentialKey).count()).toBe(1);
      } finally {
        for (const instance of instances) await instance.close();
      }
    } finally {
      await testApp.close();
    }
  });
});
