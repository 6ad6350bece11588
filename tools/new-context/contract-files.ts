import type { Names } from './names.ts';

/** The shared face of a new context: `libs/shared/contracts/src/<context>/…`. */
export function contractFiles(n: Names): Record<string, string> {
  const dir = `libs/shared/contracts/src/${n.context}`;
  return {
    [`${dir}/index.ts`]: `/** The ${n.context} context's contracts: \`@nexo/contracts/${n.context}\`. */
export * from './${n.context}.contracts.js';
export * from './${n.context}.routes.js';
export * from './${n.context}.context.js';
`,
    [`${dir}/${n.context}.contracts.ts`]: `import { z } from 'zod';

/** A ${n.resource} as the API returns it. */
export const ${n.Resource}Schema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .meta({ id: '${n.Resource}' });

export const Create${n.Resource}InputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
});
export type Create${n.Resource}Input = z.infer<typeof Create${n.Resource}InputSchema>;
export const Update${n.Resource}InputSchema = Create${n.Resource}InputSchema.partial();
export type Update${n.Resource}Input = z.infer<typeof Update${n.Resource}InputSchema>;
`,
    [`${dir}/${n.context}.routes.ts`]: `import { routeGroup } from '../http/route-group.js';
import {
  ${n.Resource}Schema,
  Create${n.Resource}InputSchema,
  Update${n.Resource}InputSchema,
} from './${n.context}.contracts.js';

const ${n.table} = routeGroup({
  tag: '${n.Context}',
  path: '/api/v1/${n.context}/${n.resources}',
  name: '${n.Resource}',
  plural: '${n.Resources}',
  subject: '${n.subject}',
  schema: ${n.Resource}Schema,
  list: { summary: '${n.Resources} of the company. Filters: name; q searches the name' },
  create: { body: Create${n.Resource}InputSchema },
  get: {},
  update: { body: Update${n.Resource}InputSchema },
  remove: {},
});

/** Every route of the ${n.context} context, by operation id. */
export const ${n.Context}Routes = {
  list${n.Resources}: ${n.table}.list,
  create${n.Resource}: ${n.table}.create,
  get${n.Resource}: ${n.table}.get,
  update${n.Resource}: ${n.table}.update,
  delete${n.Resource}: ${n.table}.remove,
};
`,
    [`${dir}/${n.context}.messages.ts`]: `import type { Bilingual } from '../context/context-contract.js';

/** What the portals say about ${n.context}, in Spanish and English side by side. */
export const ${n.context.toUpperCase()}_MESSAGES = {
  '${n.context}.title': { es: '${n.Context}', en: '${n.Context}' },
} satisfies Record<string, Bilingual>;
`,
    [`${dir}/${n.context}.context.ts`]: `import { defineContext } from '../context/context-contract.js';
import { ${n.context.toUpperCase()}_MESSAGES } from './${n.context}.messages.js';
import { ${n.Context}Routes } from './${n.context}.routes.js';

/** ${n.Context}: what it keeps and for whom (one line; the README says more). */
export const ${n.Context}Context = defineContext({
  name: '${n.context}',
  module: true,
  subjects: {
    '${n.subject}': { es: '${n.Resources}', en: '${n.Resources}' },
  },
  routes: Object.values(${n.Context}Routes),
  // What each system role may do here; owners and admins manage everything already.
  roleRules: {},
  messages: ${n.context.toUpperCase()}_MESSAGES,
});
`,
  };
}
