import { Module } from '@nestjs/common';
import { ChildLookup } from './child-lookup';
import { FamilyActor } from './family-actor';
import { ProfileChildLookup } from './profile-child-lookup';

/** {@link FamilyActor} and the {@link ChildLookup} over profile, for the controls, gates and kids-sessions features. */
@Module({ providers: [FamilyActor, { provide: ChildLookup, useClass: ProfileChildLookup }], exports: [FamilyActor, ChildLookup] })
export class FamilyScopeModule {}
