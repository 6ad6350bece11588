import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { routeGroup } from './route-group.js';

const Thing = z.object({ id: z.uuid(), name: z.string() });

describe('routeGroup', () => {
  it('builds only the operations it is given, named after the resource', () => {
    const g = routeGroup({
      tag: 'demo',
      path: '/api/v1/demo/things',
      name: 'Thing',
      plural: 'Things',
      subject: 'demo.thing',
      schema: Thing,
      list: { summary: 'Things' },
      get: {},
      update: { body: Thing.partial() },
    });
    expect(Object.keys(g)).toEqual(['list', 'get', 'update']);
    expect(g.list).toMatchObject({
      method: 'GET',
      path: '/api/v1/demo/things',
      operationId: 'listThings',
    });
    expect(g.get).toMatchObject({
      path: '/api/v1/demo/things/:id',
      operationId: 'getThing',
      summary: 'One thing',
      etag: true,
    });
    expect(g.update).toMatchObject({
      method: 'PATCH',
      operationId: 'updateThing',
      ifMatch: true,
      access: { action: 'update', subject: 'demo.thing' },
    });
  });

  it('exports as audited CSV and lets one operation answer with its own schema', () => {
    const Detail = Thing.extend({ extra: z.number() });
    const g = routeGroup({
      tag: 'demo',
      path: '/api/v1/demo/things',
      name: 'Thing',
      plural: 'Things',
      subject: 'demo.thing',
      schema: Thing,
      export: { summary: 'CSV' },
      create: { body: Thing.omit({ id: true }), response: Detail, summary: 'Make one' },
      remove: {},
    });
    expect(g.export).toMatchObject({
      path: '/api/v1/demo/things/export.csv',
      operationId: 'exportThings',
      responseType: 'text/csv',
      audited: true,
      access: { action: 'export' },
    });
    expect(g.create).toMatchObject({
      status: 201,
      operationId: 'createThing',
      summary: 'Make one',
    });
    expect(g.create.response).toBe(Detail);
    expect(g.remove).toMatchObject({
      method: 'DELETE',
      status: 204,
      operationId: 'deleteThing',
      summary: 'Delete a thing',
      ifMatch: true,
    });
  });
});
