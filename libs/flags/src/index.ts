export { Flag, FlagDecorator } from './flag.decorator';
export type { FlagMetadata, FlagOptions } from './flag.decorator';
export { FeatureDisabledError, FlagGuard } from './flag.guard';
export { FlagsModule } from './flags.module';
