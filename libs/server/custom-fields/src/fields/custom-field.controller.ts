import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import {
  CustomFieldRoutes as R,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  type RouteResult,
} from '@nexo/contracts';
import { Route, expectedVersion } from '@nexo/platform';
import { CustomFields } from './custom-field.service.js';

@Controller()
export class CustomFieldController {
  constructor(@Inject(CustomFields) private readonly fields: CustomFields) {}

  @Route(R.list)
  list(@Query() q: RouteQuery<typeof R.list>): Promise<RouteResult<typeof R.list>> {
    return this.fields.list(q.resource);
  }

  @Route(R.create)
  create(@Body() body: RouteBody<typeof R.create>): Promise<RouteResult<typeof R.create>> {
    return this.fields.create(body);
  }

  @Route(R.update)
  update(
    @Param() p: RouteParams<typeof R.update>,
    @Body() body: RouteBody<typeof R.update>,
  ): Promise<RouteResult<typeof R.update>> {
    return this.fields.update(p.id, expectedVersion(), body);
  }

  @Route(R.schema)
  schema(@Param() p: RouteParams<typeof R.schema>): Promise<RouteResult<typeof R.schema>> {
    return this.fields.jsonSchema(p.resource);
  }
}
