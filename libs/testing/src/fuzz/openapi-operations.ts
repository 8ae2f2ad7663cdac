/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  allOf?: SchemaObject[];
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

interface OperationObject {
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export interface Operation {
  method: string;
  /** The path template, e.g. `/projects/{code}`. */
  path: string;
  pathParams: string[];
  queryParams: { name: string; schema: SchemaObject }[];
  body?: SchemaObject;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => {
        const parameters = operation.parameters ?? [];
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        return {
          method: method.toUpperCase(),
          path,
          // The template's own placeholders too: a document may leave a path parameter undeclared.
          pathParams: [
            ...new Set([
              ...parameters.filter((p) => p.in === 'path').map((p) => p.name),
              ...[...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
            ]),
          ],
          queryParams: parameters
            .filter((p) => p.in === 'query')
            .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
          ...(schema ? { body: resolve(doc, schema) } : {}),
        };
      }),
  );
}

/** The schema with `$ref`s and `allOf`s replaced by what they point to (nested too). */
export function resolve(doc: OpenApiDocument, schema: SchemaObject, depth = 0): SchemaObject {
  if (depth > 8) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(doc, doc.components?.schemas?.[name] ?? {}, depth + 1);
  }
  if (schema.allOf)
    return schema.allOf.reduce<SchemaObject>(
      (merged, part) => ({ ...merged, ...resolve(doc, part, depth + 1) }),
      {},
    );
  const resolved: SchemaObject = { ...schema };
  if (schema.properties) {
    resolved.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, resolve(doc, value, depth + 1)]),
    );
  }
  if (schema.items) resolved.items = resolve(doc, schema.items, depth + 1);
  return resolved;
}

/** A plausible value for the schema, from its example or its type: the starting point of a mutation. */
export function plausibleValue(schema: SchemaObject): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return schema.format === 'date' ? '2023-03-01' : 'value';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.items ? [plausibleValue(schema.items)] : [];
    default:
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, plausibleValue(value)]),
      );
  }
}
