import type { TestApp } from '../../utils/test-app';
import { createUser, signedInAgent } from '../../utils/factories';
import { assignFacilitator, createCohort, createCourse } from '../../utils/cohort-factories';

/** Links in the page's copy fields, HTML-decoded. */
export function linksOnPage(html: string, kind: 'invitations' | 'account/set-password'): string[] {
  return [...html.matchAll(new RegExp(`value="(http[^"]+/${kind}/[^"]+)"`, 'g'))].map((match) => match[1].replace(/&#x3D;/g, '='));
}

export async function facilitatorOfNewCohort(testApp: TestApp, name: string) {
  const course = await createCourse(testApp.app, { title: { es: 'Trata de personas', en: 'Human trafficking' } });
  const cohort = await createCohort(testApp.app, course, { enrolmentMode: 'invitation', name });
  const user = await createUser(testApp.app, { role: 'facilitator' });
  await assignFacilitator(testApp.app, cohort, user);
  return { cohort, agent: await signedInAgent(testApp.app, user) };
}
