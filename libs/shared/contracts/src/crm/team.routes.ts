import { z } from 'zod';
import { defineRoute, permission } from '../http/route-contract.js';
import { Id, V1, tag } from './crm.shared.js';
import { CreateTeamInputSchema, SetTeamMembersInputSchema, TeamSchema } from './team.contracts.js';

/** Teams and their members; a member's teams feed permission rules with `$teams`. */
export const TeamRoutes = {
  list: defineRoute({
    method: 'GET',
    path: `${V1}/teams`,
    operationId: 'listTeams',
    summary: 'Sales teams and their members',
    tag,
    access: permission('read', 'crm.team'),
    status: 200,
    response: z.array(TeamSchema),
  }),
  create: defineRoute({
    method: 'POST',
    path: `${V1}/teams`,
    operationId: 'createTeam',
    summary: 'Create a sales team',
    tag,
    access: permission('create', 'crm.team'),
    body: CreateTeamInputSchema,
    status: 201,
    response: TeamSchema,
  }),
  setMembers: defineRoute({
    method: 'PUT',
    path: `${V1}/teams/:id/members`,
    operationId: 'setTeamMembers',
    summary: "Replace a team's members (memberships of the company)",
    tag,
    access: permission('update', 'crm.team'),
    params: Id,
    body: SetTeamMembersInputSchema,
    status: 200,
    response: TeamSchema,
  }),
} as const;
