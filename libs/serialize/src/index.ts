export { Serialize, SerializeDecorator } from './serialize.decorator';
export type { ResponseSchema, SerializeMetadata } from './serialize.decorator';
export { SerializeStage } from './serialize.stage';
export { SerializeModule } from './serialize.module';
