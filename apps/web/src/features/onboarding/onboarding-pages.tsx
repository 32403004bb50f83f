'use client';

import { RequireParent } from '@/components/require-parent';
import { ChildStep } from './child-step';
import { ConsentStep } from './consent-step';
import { PinStep } from './pin-step';

/** /onboarding/consent for the signed-in parent. */
export function ConsentPage() {
  return <RequireParent>{(parentUserId) => <ConsentStep parentUserId={parentUserId} />}</RequireParent>;
}

/** /onboarding/child for the signed-in parent. */
export function ChildPage() {
  return <RequireParent>{(parentUserId) => <ChildStep parentUserId={parentUserId} />}</RequireParent>;
}

/** /onboarding/pin for the signed-in parent. */
export function PinPage() {
  return <RequireParent>{() => <PinStep />}</RequireParent>;
}
