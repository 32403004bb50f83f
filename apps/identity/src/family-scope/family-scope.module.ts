import { Module } from '@nestjs/common';
import { FamilyActor } from './family-actor';

/** {@link FamilyActor} for the controls, gates and kids-sessions features. */
@Module({ providers: [FamilyActor], exports: [FamilyActor] })
export class FamilyScopeModule {}
