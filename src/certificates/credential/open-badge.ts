import type { Certificate } from '../entities/certificate.entity';
import { formatPublicCode } from '../public-code';

export const OB3_CONTEXT = ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];

export interface CredentialTexts {
  issuerName: string;
  achievementDescription: string;
  criteria: string;
}

/**
 * The JWT claims of an Open Badges 3.0 AchievementCredential in the VC-JWT
 * serialisation: the credential in "vc", and iss/jti/nbf/sub mirrored as JWT claims.
 * Only what the certificate prints: holder name (as a plain identifier), course, hours
 * (in the description), kind, completion date, cohort country, issuer.
 */
export function achievementCredentialClaims(certificate: Certificate, publicUrl: string, courseSlug: string, texts: CredentialTexts) {
  const id = `${publicUrl}/verify/${formatPublicCode(certificate.code)}`;
  const issuedAt = certificate.issuedAt.toISOString();
  const credential = {
    '@context': OB3_CONTEXT,
    id,
    type: ['VerifiableCredential', 'AchievementCredential'],
    name: certificate.courseTitle,
    issuer: { id: publicUrl, type: ['Profile'], name: texts.issuerName, url: publicUrl },
    issuanceDate: issuedAt,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: certificate.holderName }],
      activityEndDate: certificate.completedAt.toISOString(),
      ...(certificate.cohortCountry
        ? {
            source: {
              type: ['Profile'],
              id: `${publicUrl}/courses/${courseSlug}`,
              address: { type: ['Address'], addressCountryCode: certificate.cohortCountry },
            },
          }
        : {}),
      achievement: {
        id: `${publicUrl}/courses/${courseSlug}`,
        type: ['Achievement'],
        achievementType: certificate.kind === 'completion' ? 'CertificateOfCompletion' : 'Certificate',
        name: certificate.courseTitle,
        description: texts.achievementDescription,
        criteria: { narrative: texts.criteria },
        inLanguage: certificate.language,
      },
    },
  };
  return {
    iss: publicUrl,
    jti: id,
    nbf: Math.floor(certificate.issuedAt.getTime() / 1000),
    iat: Math.floor(certificate.issuedAt.getTime() / 1000),
    vc: credential,
  };
}
