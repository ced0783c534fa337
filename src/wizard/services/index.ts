// createServices: the wizard's WizardServices (src/core/wizard/services.ts), composed from one service a concern
// (login, config, checks, job, troubleshoot, desktop) over one shared context for the run.
import type {WizardServices} from '../../core/wizard/services.js';
import {createChecksServices} from './checks.js';
import {createConfigServices} from './config.js';
import {createServiceContext, type ServiceContext, type ServicesOptions} from './context.js';
import {createDesktopServices} from './desktop.js';
import {createJobServices} from './job.js';
import {createLoginServices} from './login.js';
import {createRealToolsServices} from './real-tools.js';
import {createTroubleshootServices} from './troubleshoot.js';

export {CONFIG_DIR, createServiceContext, type ServiceContext, type ServicesOptions} from './context.js';
export {problemForCheck} from './checks.js';
export {evaluateExample, exampleSummary} from './login.js';
export {copyText, openInBrowser} from './desktop.js';

/** `ctx`: the session to share (tests hold one to put a token in the services' session that the Hub refuses now). */
export function createServices(
  options: ServicesOptions,
  ctx: ServiceContext = createServiceContext(options),
): WizardServices {
  return {
    ...createLoginServices(ctx),
    ...createConfigServices(ctx),
    ...createChecksServices(ctx),
    ...createJobServices(ctx),
    ...createRealToolsServices(ctx),
    ...createTroubleshootServices(ctx),
    ...createDesktopServices(ctx),
  };
}
