import dayjs, { type Dayjs } from 'dayjs';

// A transition's input arrives as JSON Schema (z.toJSONSchema of the case type's input). The dialog renders
// one field per property; this file reads the schema into plain field descriptions and turns the form's
// values back into the input the server validates.

export type SchemaFieldKind = 'text' | 'textarea' | 'number' | 'integer' | 'boolean' | 'select' | 'date';

export interface SchemaField {
  name: string;
  label: string;
  /** The schema's description when the title is the label. */
  help?: string | undefined;
  kind: SchemaFieldKind;
  required: boolean;
  options?: { value: string | number; label: string }[];
  minimum?: number | undefined;
  maximum?: number | undefined;
  maxLength?: number | undefined;
  minLength?: number | undefined;
}

type JsonSchema = Record<string, unknown>;

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `optional()`/`nullable()` may wrap a property in anyOf with a null branch: the non-null branch counts. */
function unwrap(schema: JsonSchema): JsonSchema {
  const branches = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(branches)) {
    const real = branches.filter((b) => isObject(b) && b.type !== 'null');
    if (real.length === 1 && isObject(real[0])) return { ...real[0], ...without(schema, ['anyOf', 'oneOf']) };
  }
  return schema;
}

function without(schema: JsonSchema, keys: string[]): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !keys.includes(key)));
}

function typeOf(schema: JsonSchema): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null');
  return undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function kindOf(schema: JsonSchema): SchemaFieldKind {
  if (Array.isArray(schema.enum)) return 'select';
  const type = typeOf(schema);
  if (type === 'boolean') return 'boolean';
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (schema.format === 'date') return 'date';
  if (schema.format === 'textarea' || (num(schema.maxLength) ?? 0) > 100) {
    return 'textarea';
  }
  return 'text';
}

/** The fields of an object schema, in the order the schema lists them; no schema → no fields. */
export function schemaFields(schema: Record<string, unknown> | null | undefined): SchemaField[] {
  if (!schema || !isObject(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.entries(schema.properties).flatMap(([name, raw]) => {
    if (!isObject(raw)) return [];
    const property = unwrap(raw);
    const title = typeof property.title === 'string' ? property.title : undefined;
    const description = typeof property.description === 'string' ? property.description : undefined;
    const kind = kindOf(property);
    const labels = isObject(property['x-labels']) ? property['x-labels'] : {};
    const field: SchemaField = {
      name,
      label: title ?? description ?? name,
      help: title ? description : undefined,
      kind,
      // A string field with minLength ≥ 1 must be filled even when the key itself may be left out.
      required: required.has(name) || (num(property.minLength) ?? 0) > 0,
      minimum: num(property.minimum),
      maximum: num(property.maximum),
      maxLength: num(property.maxLength),
      minLength: num(property.minLength),
    };
    if (kind === 'select') {
      field.options = (property.enum as unknown[])
        .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
        .map((value) => ({
          value,
          label: typeof labels[String(value)] === 'string' ? String(labels[String(value)]) : String(value),
        }));
    }
    return [field];
  });
}

/** The form's values as the transition's input: dates as 2026-11-27, blanks left out. */
export function inputFromValues(
  fields: readonly SchemaField[],
  values: Record<string, unknown>,
): Record<string, unknown> | undefined {
  if (fields.length === 0) return undefined;
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    if (field.kind === 'date') input[field.name] = dayjs(value as Dayjs).format('YYYY-MM-DD');
    else if (field.kind === 'boolean') input[field.name] = Boolean(value);
    else input[field.name] = value;
  }
  return input;
}
