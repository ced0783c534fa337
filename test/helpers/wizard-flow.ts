// Driving a WizardController the way a screen does, without a terminal: send events one by one and wait for the
// effects each one starts (a service call, a sandbox answer) before the next, as a person waits for the next screen.
import type {WizardController} from '../../src/core/wizard/controller.js';
import type {WizardEvent} from '../../src/core/wizard/types.js';

/** Dispatches each event and waits until the controller is idle before the next. */
export async function advance(controller: WizardController, ...events: WizardEvent[]): Promise<void> {
  for (const event of events) {
    controller.dispatch(event);
    await controller.idle();
  }
}

/** From a login that is done to the written config: continue, keep the token type, write the planned files. */
export function throughConfig(controller: WizardController): Promise<void> {
  return advance(controller, {type: 'login-continue'}, {type: 'token-type-continue'}, {type: 'config-confirm'});
}
