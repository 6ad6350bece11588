import { defineContext } from '../context/context-contract.js';
import { forEveryEmployee, read } from '../context/employee-roles.js';
import { JobRoutes } from './job.contracts.js';

/** Background jobs: an import's progress and outcome. */
export const JobsContext = defineContext({
  name: 'jobs',
  module: false,
  subjects: { 'jobs.run': { es: 'Tareas en segundo plano', en: 'Background jobs' } },
  routes: Object.values(JobRoutes),
  // The jobs they started themselves.
  roleRules: forEveryEmployee([read('jobs.run', { conditions: { created_by: '$user' } })]),
});
