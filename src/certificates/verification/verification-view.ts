import type { Certificate } from '../entities/certificate.entity';
import { formatPublicCode } from '../public-code';

/**
 * Exactly what the public page may show: holder, course, kind, hours, completion date,
 * cohort country, issuer and the status. Nothing else leaves the database here.
 */
export function verificationView(certificate: Certificate, replacement: Certificate | null, lang: string) {
  return {
    code: formatPublicCode(certificate.code),
    holderName: certificate.holderName,
    // Erased when the holder was anonymised on request.
    holderRemoved: certificate.holderName === '',
    courseTitle: certificate.courseTitle,
    kind: certificate.kind,
    hours: certificate.hours,
    completedAt: certificate.completedAt,
    country: certificate.cohortCountry,
    issuerName: certificate.issuer.name[lang] ?? certificate.issuer.name[certificate.language] ?? certificate.issuer.name.es ?? '',
    status: certificate.status,
    revokedAt: certificate.status === 'revoked' ? certificate.revokedAt : null,
    revokedReason: certificate.status === 'revoked' ? certificate.revokedReason : null,
    replacement:
      certificate.status === 'replaced' && replacement
        ? { code: formatPublicCode(replacement.code), href: `/verify/${formatPublicCode(replacement.code)}` }
        : null,
  };
}
