/**
 * The two building blocks of the config schema besides valibot's own: a key that falls back to
 * its default when its value is bad, and an object whose unknown keys are reported.
 */
import * as v from 'valibot';

// Issues some key has already fallen back for. A section holding such a key is still good: only
// an issue of its own (not an object, say) makes the section fall back as a whole.
const handled = new WeakSet<v.BaseIssue<unknown>>();

/**
 * `schema`, or `fallback` when the value does not fit it. Like `v.fallback`, except that the
 * issues stay in the result: one parse gives both the usable config and every problem, each
 * with its full key path. A list item falls back to `undefined`, which the resolver drops.
 */
export function withFallback<const TSchema extends v.GenericSchema>(schema: TSchema, fallback: unknown): TSchema {
  return {
    ...schema,
    '~run'(dataset, config) {
      const result = schema['~run'](dataset, config);
      if (!result.issues?.some((issue) => !handled.has(issue))) return result;
      for (const issue of result.issues) handled.add(issue);
      const value = typeof fallback === 'function' ? fallback() : fallback;
      return { typed: true, value, issues: result.issues } as v.OutputDataset<v.InferOutput<TSchema>, v.InferIssue<TSchema>>;
    },
  };
}

/**
 * An optional key with its default: a bad value is reported and the default used. `fallback`
 * may be a function making a fresh default.
 */
export function setting<const TSchema extends v.GenericSchema, const TDefault extends v.Default<TSchema, undefined>>(schema: TSchema, fallback: TDefault) {
  return withFallback(v.optional(schema, fallback), fallback);
}

/** An unknown key: reported as a probable typo, and otherwise ignored. */
const UNKNOWN_KEY = withFallback(v.never('no such key (a typo?)'), undefined);

/**
 * An object of `entries` whose other keys are each reported. Typed as a plain object: for
 * TypeScript users an unknown key is already an error of the object type. `wanted` are keys
 * the object should have, yet is kept without (reported by the resolver); the JSON Schema
 * lists them as required, so an editor asks for them.
 */
export function section<const TEntries extends v.ObjectEntries>(entries: TEntries, expected: string, wanted: (keyof TEntries & string)[] = []) {
  const schema = v.pipe(
    v.objectWithRest(entries, UNKNOWN_KEY, expected),
    v.check((value) => !Array.isArray(value), expected),
    v.metadata({ required: wanted }),
  );
  return schema as unknown as v.ObjectSchema<TEntries, undefined>;
}
