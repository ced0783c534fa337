// The wizard state for React: subscribes to the controller (one source of truth shared with the plain mode).
import {createContext, useContext, useSyncExternalStore} from 'react';
import type {WizardController} from '../../core/wizard/controller.js';
import type {WizardEvent, WizardState} from '../../core/wizard/types.js';

export interface UiEnv {
  /** Emit OSC 8 hyperlinks. */
  links: boolean;
}

export const UiEnvContext = createContext<UiEnv>({links: false});

export function useWizard(controller: WizardController): [WizardState, (event: WizardEvent) => void] {
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  return [state, controller.dispatch];
}

export function useUiEnv(): UiEnv {
  return useContext(UiEnvContext);
}

export interface ScreenProps {
  state: WizardState;
  dispatch: (event: WizardEvent) => void;
}
