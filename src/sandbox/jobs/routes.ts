// The Jobs API. (Being built: registers nothing yet.)
import type {RouteModule} from '../context.js';

export const registerJobRoutes: RouteModule = () => {};
