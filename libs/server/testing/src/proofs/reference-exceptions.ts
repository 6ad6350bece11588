import type { ReferenceExceptions } from '@nexo/db';

/**
 * The columns of tenant tables that look like references (`findUnscopedReferences`) and have
 * no foreign key leading with tenant_id, each with the reason (issue 23). Any other such
 * column fails the catalog proof: give it a key `(tenant_id, x_id) REFERENCES t (tenant_id, id)`
 * — for a user, `REFERENCES auth.memberships (tenant_id, user_id)` — or a line here.
 */
export const REFERENCE_EXCEPTIONS: ReferenceExceptions = {
  // The record of what happened outlives what it names and holds failed attempts too.
  'audit.audit_log.principal_id': 'audit: who acted (a membership or an API client), as it was',
  'audit.audit_log.user_id': 'audit: the user who acted, kept after the user leaves',
  'audit.audit_log.resource_id': 'audit: polymorphic (any resource, some ids are composite text)',
  'audit.audit_log.request_id': 'audit: the request correlation id (text), no record',
  // Who wrote a row: the server's principal, never request input; a user or an API client
  // (an integration's principal id is its client id), so no single table to point at.
  'crm.activities.created_by': 'the principal who wrote it (user or API client), set by the server',
  'jobs.runs.created_by': 'the principal who queued it (user or API client), set by the server',
  'auth.invitations.invited_by':
    'the principal who invited (user or API client), set by the server',
  'jobs.runs.request_id': 'the request correlation id (text), no record',
  'inventory.moves.posted_by':
    'the principal who posted it (user or API client), set by the server',
  'inventory.operations.issued_by':
    'the principal who posted it (user or API client), set by the server',
  'accounts.entries.posted_by':
    'the principal who posted it (user or API client), set by the server',
  'accounts.entries.source_id': 'polymorphic: the document the entry books (source_type)',
  'accounts.open_items.source_id': 'polymorphic: the document of the entry (source_type)',
  'accounts.allocations.created_by':
    'the principal who allocated (user or API client), set by the server',
  'accounts.posting_rules.match_id':
    'polymorphic: a tax rate, item category or warehouse, by match_kind',
  'inventory.counts.issued_by':
    'the principal who posted it (user or API client), set by the server',
  // The stock ledger knows its callers only as a type name and an id (erp.md §4).
  'inventory.moves.source_id': 'polymorphic: the document that moved the stock (source_type)',
  'inventory.moves.source_line_id': "polymorphic: that document's line",
  'inventory.reservations.source_id': 'polymorphic: the document the stock is held for',
  'inventory.reservations.source_line_id': "polymorphic: that document's line",
  // Events: ids of messages, not of rows; delivered outbox rows are pruned (retention).
  'events.outbox.aggregate_id': 'polymorphic: the id of the record the event is about',
  'events.outbox.request_id': 'the request correlation id (text), no record',
  'events.consumed.event_id': 'ids of consumed events; the outbox rows are pruned after delivery',
  'crm.timeline_entries.event_id': 'the event the entry was written from (idempotency), pruned',
  'platform.idempotency_keys.principal_id':
    'polymorphic (membership or API client), from the authenticated principal; keys expire',
  'catalog.item_codes.owner_id': "polymorphic: the item's or the variant's id (one code space)",
  // The membership is what makes a user a member: its user is global (auth.users).
  'auth.memberships.user_id': 'the member itself; key memberships_user_fk to global auth.users',
  // Arrays: PostgreSQL has no foreign keys from array elements; the services check them.
  'auth.memberships.teams':
    'uuid[]: written only by TeamService.setMembers, with the team it loaded in the tenant',
  'auth.memberships.roles':
    'role keys: RoleService.assign checks them; an invitation is checked when it is created',
  'auth.invitations.roles': 'role keys: InvitationService.invite checks them (RoleKeys)',
  'auth.api_clients.roles': 'role keys: ApiClientService.create checks them (RoleKeys)',
  // Not references at all, named like them.
  'crm.parties.tax_id': "the party's tax number (CUIT), not a record id",
  'auth.oidc_providers.client_id': "the client id at the company's OpenID provider, not ours",
};
