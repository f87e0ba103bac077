import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { LifecycleStatus } from '../health/health.response.dto';
import { WorkOrderMetrics } from '../stats/stats.response.dto';
import { DisputeMetrics } from '../stats/stats.response.dto';
import { PUBLIC_EXTENSION } from './auth.decorators';
import { ErrorResponse } from './error-response.dto';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/**
 * The OpenAPI document: bearer security on every operation except the public ones (marked by @Public()),
 * which get `security: []`; models used only inside maps are registered as extra models.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tiaojie 调解 API')
      .setDescription('District dispute mediation platform (三调联动)')
      .setVersion('0.1.0')
      .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
      .addServer('/', 'this server')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorResponse, LifecycleStatus, DisputeMetrics, WorkOrderMetrics] },
  );
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as (Record<string, unknown> & { security?: unknown }) | undefined;
      if (!op) continue;
      if (op[PUBLIC_EXTENSION]) {
        op.security = [];
        delete op[PUBLIC_EXTENSION];
      } else if (!op.security) {
        op.security = [{ bearer: [] }];
      }
    }
  }
  return doc;
}
