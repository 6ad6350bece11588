import { z } from 'zod';
import { Text } from './crm.shared.js';

export const StageInputSchema = z.strictObject({
  name: Text(100),
  probability: z.number().int().min(0).max(100),
  isWon: z.boolean().default(false),
  isLost: z.boolean().default(false),
});
export const UpdateStageInputSchema = z.strictObject({
  name: Text(100).optional(),
  probability: z.number().int().min(0).max(100).optional(),
  position: z.number().int().min(0).max(100).optional(),
});
/** A stage as a role may read it by its pipeline's rules: fields they hide are left out. */
export const StageSchema = z
  .object({
    id: z.uuid(),
    pipelineId: z.uuid(),
    name: z.string(),
    position: z.number().int(),
    probability: z.number().int(),
    isWon: z.boolean(),
    isLost: z.boolean(),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Stage' });

export const CreatePipelineInputSchema = z.strictObject({
  name: Text(100),
  isDefault: z.boolean().default(false),
  stages: z.array(StageInputSchema).min(1).max(30),
});
export const UpdatePipelineInputSchema = z.strictObject({
  name: Text(100).optional(),
  isDefault: z.boolean().optional(),
});
/** A pipeline as a role may read it: fields its rules hide are left out. */
export const PipelineSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    isDefault: z.boolean(),
    stages: z.array(StageSchema),
    version: z.number().int(),
  })
  .partial()
  .required({ id: true })
  .meta({ id: 'Pipeline' });
