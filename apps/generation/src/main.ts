import 'reflect-metadata';
import { bootstrap } from '@mikasmissions/platform';
import { AppModule } from './app.module';

void bootstrap(AppModule);
