import { Module } from '@nestjs/common';
import { UsesConfig } from '@mikasmissions/config';
import { ResilienceModule } from '@mikasmissions/resilience';
import { generationConfig } from '../generation.config';
import { OrchestratorStage } from '../orchestrator/orchestrator.stage';
import { NimClient } from '../provider/nim-client';
import { ProviderStage } from '../provider/provider.stage';
import { QcStage } from '../qc/qc.stage';
import { AdminRunsClient } from '../runs/admin-runs.client';
import { ChainConsumer } from './chain.consumer';
import { RunChain } from './run-chain';

/** The generation chain: orchestrator → provider → qc, one consumer, admin-studio as the owner of every run's state. */
@UsesConfig(generationConfig)
@Module({
  imports: [ResilienceModule],
  controllers: [ChainConsumer],
  providers: [AdminRunsClient, RunChain, OrchestratorStage, NimClient, ProviderStage, QcStage],
})
export class ChainModule {}
