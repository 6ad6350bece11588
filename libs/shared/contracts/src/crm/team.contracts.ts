import { z } from 'zod';
import { Text } from './crm.shared.js';

/** A team as a role may read it: fields its rules hide are left out. */
export const TeamSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    memberIds: z.array(z.uuid()),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Team' });
export const CreateTeamInputSchema = z.strictObject({ name: Text(100) });
export const SetTeamMembersInputSchema = z.strictObject({
  membershipIds: z.array(z.uuid()).max(500),
});
