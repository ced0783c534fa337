// OAuth device-code login. (Being built: registers nothing yet.)
import type {RouteModule} from '../context.js';

export const registerOauthRoutes: RouteModule = () => {};
