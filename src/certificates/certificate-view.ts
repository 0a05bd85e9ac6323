import type { Certificate } from './entities/certificate.entity';
import { formatPublicCode } from './public-code';

/** What lists show of a certificate. */
export function certificateCard(certificate: Certificate) {
  return {
    id: certificate.id,
    code: formatPublicCode(certificate.code),
    kind: certificate.kind,
    status: certificate.status,
    holderName: certificate.holderName,
    courseTitle: certificate.courseTitle,
    hours: certificate.hours,
    cohortName: certificate.cohortName,
    completedAt: certificate.completedAt,
    issuedAt: certificate.issuedAt,
    revokedAt: certificate.revokedAt,
    revokedReason: certificate.revokedReason,
    pdfHref: `/certificates/${certificate.id}/pdf`,
    credentialHref: `/certificates/${certificate.id}/credential`,
    verifyHref: `/verify/${formatPublicCode(certificate.code)}`,
  };
}
