// swc transpiles only; type checking is `npm run typecheck`.
// middy 7 ships ESM with only an `import` export condition, so jest's CommonJS resolver is
// pointed at its files and they are transpiled like our own (see docs/toolchain.md).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!@middy/)'],
  moduleNameMapper: { '^@middy/(core|util)$': '<rootDir>/node_modules/@middy/$1/index.js' },
  setupFiles: ['<rootDir>/test/setup-env.cjs'],
  // A hang guard, not a speed check (speed is measured in bench/): tests that walk loopback fakes
  // or dynalite take a few seconds, and past jest's 5 s default on a loaded 2-core machine.
  testTimeout: 30000,
};
