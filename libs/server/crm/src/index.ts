export * from './crm.module.js';
export * from './crm.events.js';
export * from './parties/party.service.js';
export * from './opportunities/opportunity.service.js';
export * from './pipelines/pipeline.service.js';
