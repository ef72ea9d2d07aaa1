/**
 * What the modules' views share, as TypeBox schemas: each gives the OpenAPI entry of a response
 * and, through `Static`, the web's wire type. Pure (TypeBox only), so the web may import it.
 */
import { Type, type TSchema } from '@sinclair/typebox';

export const Localized = Type.Object({ en: Type.String(), ru: Type.String() });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** One of the words of a closed list, typed as that list. */
export const OneOf = <T extends string>(values: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

/** A list under a name, as the API sends lists: `{ "notes": [...] }`. */
export const Named = <K extends string, T extends TSchema>(key: K, item: T) => Type.Object({ [key]: Type.Array(item) } as Record<K, ReturnType<typeof Type.Array<T>>>);
