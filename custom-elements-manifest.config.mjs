// `cem analyze --litelement` reads this file: every element is a LitElement.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/shared/**'],
  litelement: true,
};
