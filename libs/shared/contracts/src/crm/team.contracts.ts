import { z } from 'zod';
import { Text } from './crm.shared.js';

export const TeamSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    memberIds: z.array(z.uuid()),
    version: z.number().int(),
  })
  .meta({ id: 'Team' });
export const CreateTeamInputSchema = z.strictObject({ name: Text(100) });
export const SetTeamMembersInputSchema = z.strictObject({
  membershipIds: z.array(z.uuid()).max(500),
});
