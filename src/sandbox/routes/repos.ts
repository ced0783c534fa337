// Repos, commits, LFS and file reads. (Being built: registers nothing yet.)
import type {RouteModule} from '../context.js';

export const registerRepoRoutes: RouteModule = () => {};
