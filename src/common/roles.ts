export const ROLES = ['learner', 'facilitator', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
