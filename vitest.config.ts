import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
    // Ink renders nothing until exit when CI is set (is-in-ci); our UI tests must see every frame.
    env: {CI: 'false', CONTINUOUS_INTEGRATION: 'false', FORCE_COLOR: '0'},
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
