import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ErrorCode } from '@nexo/contracts';
import { DomainError } from '../errors/domain-error.js';
import { Public } from '../http/public.decorator.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { ReadinessRegistry } from './readiness.registry.js';

@Public()
@Controller()
export class HealthController {
  constructor(
    @Inject(ReadinessRegistry) private readonly readiness: ReadinessRegistry,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {}

  /** The process is up. Never touches a dependency, so a slow database cannot restart pods. */
  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
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

  @Get('metrics')
  async prometheus(@Res() reply: FastifyReply): Promise<void> {
    const { contentType, body } = await this.metrics.render();
    await reply.type(contentType).send(body);
  }
}
