'use client';

import { RequireParent } from '@/components/require-parent';
import { ChildStep } from '@/features/onboarding/child-step';
import { PinStep } from '@/features/onboarding/pin-step';

/** /dashboard/children/new: another child profile. */
export function AddChildPage() {
  return <RequireParent>{(id) => <ChildStep parentUserId={id} next="/dashboard" step={false} />}</RequireParent>;
}

/** /dashboard/pin: set or change the parent PIN. */
export function ParentPinPage() {
  return <RequireParent>{() => <PinStep next="/dashboard" step={false} />}</RequireParent>;
}
