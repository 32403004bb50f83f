export { Flag, FlagDecorator } from './flag.decorator';
export type { FlagMetadata, FlagOptions } from './flag.decorator';
export { FeatureDisabledError, FlagStage } from './flag.stage';
export { FlagsModule } from './flags.module';
