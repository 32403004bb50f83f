export { HealthController, READINESS_CHECK_TIMEOUT_MS } from './health.controller';
export { HealthModule } from './health.module';
export { ReadinessRegistry } from './readiness.registry';
export type { ReadinessCheck } from './readiness.registry';
