export { Serialize, SerializeDecorator } from './serialize.decorator';
export type { ResponseSchema, SerializeMetadata } from './serialize.decorator';
export { JSON_CONTENT_TYPE, SerializeInterceptor } from './serialize.interceptor';
export { SerializeModule } from './serialize.module';
