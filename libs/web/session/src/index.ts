export {
  abilityFor,
  toClientRules,
  type ClientRule,
  type PortalAbility,
  type SessionView,
} from './view';
export { SessionProvider, useSession, useCan, Can } from './react';
