import type { Principal } from '@nexo/platform';

/**
 * Who owns (or is assigned) a record nobody was named for: the person writing it. An
 * integration is no member of the company (its principal id is the API client's), so what it
 * writes has no owner until someone names one.
 */
export const defaultMember = (principal: Principal): string | null =>
  principal.actor === 'integration' ? null : principal.userId;
