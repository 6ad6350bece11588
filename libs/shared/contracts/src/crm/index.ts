/** The crm context's contracts and routes. */
export * from './tax-id.js';
export * from './party.contracts.js';
export * from './party.routes.js';
export * from './lead.contracts.js';
export * from './lead.routes.js';
export * from './pipeline.contracts.js';
export * from './pipeline.routes.js';
export * from './opportunity.contracts.js';
export * from './opportunity.routes.js';
export * from './activity.contracts.js';
export * from './activity.routes.js';
export * from './timeline.contracts.js';
export * from './team.contracts.js';
export * from './team.routes.js';
export * from './crm.routes.js';
