import { Controller, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ErrorCode, PlatformRoutes } from '@nexo/contracts';
import { DomainError } from '../errors/domain-error.js';
import { Route } from '../http/route.decorator.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { ReadinessRegistry } from './readiness.registry.js';

@Controller()
export class HealthController {
  constructor(
    @Inject(ReadinessRegistry) private readonly readiness: ReadinessRegistry,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {}

  /** The process is up. Never touches a dependency, so a slow database cannot restart pods. */
  @Route(PlatformRoutes.live)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Route(PlatformRoutes.ready)
  async ready(): Promise<{ status: 'ok'; checks: Record<string, { ok: boolean }> }> {
    const report = await this.readiness.report();
    if (!report.ready) {
      const failed = Object.entries(report.checks)
        .filter(([, r]) => !r.ok)
        .map(([name, r]) => `${name} ${r.error ?? 'failed'}`);
      throw new DomainError(ErrorCode.ServiceUnavailable, `Not ready: ${failed.join(', ')}`);
    }
    return { status: 'ok', checks: report.checks };
  }

  @Route(PlatformRoutes.metrics)
  async prometheus(@Res() reply: FastifyReply): Promise<void> {
    const { contentType, body } = await this.metrics.render();
    await reply.type(contentType).send(body);
  }
}
