import { z } from 'zod';
import { defineRoute, permission } from '../http/route-contract.js';
import { routeGroup } from '../http/route-group.js';
import { Id, V1, tag } from './crm.shared.js';
import {
  CreatePipelineInputSchema,
  PipelineSchema,
  StageInputSchema,
  StageSchema,
  UpdatePipelineInputSchema,
  UpdateStageInputSchema,
} from './pipeline.contracts.js';

/** Listed whole (with their stages) and created without an `ETag`: those two are written out. */
const pipelines = routeGroup({
  tag,
  path: `${V1}/pipelines`,
  name: 'Pipeline',
  plural: 'Pipelines',
  subject: 'crm.pipeline',
  schema: PipelineSchema,
  update: { body: UpdatePipelineInputSchema, summary: 'Rename a pipeline or make it the default' },
});
/** A stage is added under its pipeline and changed on its own, under the pipeline's permission. */
const stages = routeGroup({
  tag,
  path: `${V1}/stages`,
  name: 'Stage',
  plural: 'Stages',
  subject: 'crm.pipeline',
  schema: StageSchema,
  update: { body: UpdateStageInputSchema, summary: 'Rename, reweight or reorder a stage' },
});

/** Pipelines and their stages. */
export const PipelineRoutes = {
  list: defineRoute({
    method: 'GET',
    path: `${V1}/pipelines`,
    operationId: 'listPipelines',
    summary: 'Pipelines with their stages in order',
    tag,
    access: permission('read', 'crm.pipeline'),
    status: 200,
    response: z.array(PipelineSchema),
  }),
  create: defineRoute({
    method: 'POST',
    path: `${V1}/pipelines`,
    operationId: 'createPipeline',
    summary: 'Create a pipeline with its stages',
    tag,
    access: permission('create', 'crm.pipeline'),
    body: CreatePipelineInputSchema,
    status: 201,
    response: PipelineSchema,
  }),
  update: pipelines.update,
  addStage: defineRoute({
    method: 'POST',
    path: `${V1}/pipelines/:id/stages`,
    operationId: 'addStage',
    summary: 'Add a stage at the end of a pipeline',
    tag,
    access: permission('update', 'crm.pipeline'),
    params: Id,
    body: StageInputSchema,
    status: 201,
    response: StageSchema,
  }),
  updateStage: stages.update,
} as const;
