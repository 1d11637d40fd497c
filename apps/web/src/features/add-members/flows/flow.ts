import type { Dispatch, ReactNode } from 'react';
import type { WizardData } from '../api/wizard-data.ts';
import type { WizardAction, WizardState, WizardStep } from '../wizard-state.ts';

/** What the page hands both flows (manual entry, file): the wizard's shared state. */
export interface FlowContext {
  data: WizardData;
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  goTo: (step: WizardStep) => void;
}

/** Pieces the page places in a step: the problems alert, and the back/next buttons it draws. */
export interface StepChrome {
  problems: ReactNode;
  back: (step: WizardStep) => ReactNode;
  next: (onClick: () => void, disabled?: boolean) => ReactNode;
}
