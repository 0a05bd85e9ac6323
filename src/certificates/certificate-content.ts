import type { TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, formatDate, formatNumber } from '../i18n/i18n';
import { localized } from '../i18n/text';
import type { Certificate, CertificateKind, IssuerSnapshot } from './entities/certificate.entity';
import type { CertificatePdfInput } from './pdf/certificate-pdf';
import { formatPublicCode } from './public-code';

/** What a certificate is made from, read from the enrolment, learner, course and cohort. */
export interface IssueFacts {
  enrolmentId: number;
  userId: number;
  courseId: number;
  cohortId: number | null;
  completedAt: Date | null;
  holderName: string;
  preferredLanguage: string;
  course: { slug: string; title: Record<string, string>; languages: string[]; hours: number; certificateType: CertificateKind };
  cohort: { name: string; country: string } | null;
}

/** The learner's language when the course has it, else the course's first language (Spanish by default). */
export function certificateLanguage(preferred: string, courseLanguages: string[]): string {
  if (courseLanguages.includes(preferred)) return preferred;
  return courseLanguages[0] ?? 'es';
}

/** The columns of a new certificate: everything it says, frozen now. */
export function certificateValues(
  facts: IssueFacts,
  kind: CertificateKind,
  issuer: IssuerSnapshot,
  code: string,
  issuedAt: Date,
  holderName = facts.holderName,
): Omit<Certificate, 'id' | 'createdAt'> {
  const language = certificateLanguage(facts.preferredLanguage, facts.course.languages);
  return {
    code,
    enrolmentId: facts.enrolmentId,
    userId: facts.userId,
    courseId: facts.courseId,
    cohortId: facts.cohortId,
    kind,
    status: 'valid',
    language,
    holderName: holderName.slice(0, 120),
    courseTitle: localized(facts.course.title, language, DEFAULT_LANGUAGE).slice(0, 300),
    hours: facts.course.hours,
    cohortName: facts.cohort?.name ?? null,
    cohortCountry: facts.cohort?.country ?? null,
    // A participation certificate has no completion: it is dated when issued.
    completedAt: facts.completedAt ?? issuedAt,
    issuer,
    issuedAt,
    revokedAt: null,
    revokedReason: null,
    replacedById: null,
    credential: null,
  };
}

export function verifyUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/verify/${formatPublicCode(code)}`;
}

/** Everything the PDF prints, translated into the certificate's language. */
export function pdfInput(
  certificate: Certificate,
  t: TFunction,
  publicUrl: string,
  logo: { data: Uint8Array; type: string } | null,
): CertificatePdfInput {
  const lang = certificate.language;
  const details = [t('certificates.pdf.hours', { hours: formatNumber(certificate.hours, lang) })];
  if (certificate.cohortName) {
    const country = certificate.cohortCountry
      ? t(`options.countries.${certificate.cohortCountry}`, { defaultValue: certificate.cohortCountry })
      : '';
    details.push(t('certificates.pdf.cohort', { name: certificate.cohortName, country }));
  }
  details.push(t(`certificates.pdf.date.${certificate.kind}`, { date: formatDate(certificate.completedAt, lang) }));
  return {
    language: lang,
    title: `${t(`certificates.kind.${certificate.kind}`)} — ${certificate.holderName}`,
    heading: t(`certificates.pdf.heading.${certificate.kind}`),
    intro: t('certificates.pdf.intro'),
    holderName: certificate.holderName,
    action: t(`certificates.pdf.action.${certificate.kind}`),
    courseTitle: certificate.courseTitle,
    details,
    issuerName: localized(certificate.issuer.name, lang, DEFAULT_LANGUAGE),
    signatories: certificate.issuer.signatories.map((signatory) => ({
      name: signatory.name,
      title: localized(signatory.title, lang, DEFAULT_LANGUAGE),
    })),
    logo,
    verifyUrl: verifyUrl(publicUrl, certificate.code),
    verifyLabel: t('certificates.pdf.verifyAt'),
    codeLabel: t('certificates.pdf.code'),
    code: formatPublicCode(certificate.code),
    issuedAt: certificate.issuedAt,
  };
}
