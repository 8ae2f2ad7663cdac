/** The parts of an OpenAPI 3 document that say what an operation answers. */
export interface DocumentedResponses {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
  >;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/**
 * `METHOD /path → status` for every success answer (2xx but 204) the document leaves without a
 * schema, and `METHOD /path` for every operation that documents no success answer at all: what a
 * generated client would get nothing from.
 */
export function responsesWithoutSchema(doc: DocumentedResponses): string[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .flatMap(([method, operation]) => {
        const name = `${method.toUpperCase()} ${path}`;
        const successes = Object.entries(operation.responses ?? {}).filter(([status]) =>
          /^2\d\d$/.test(status),
        );
        if (successes.length === 0) return [name];
        return successes
          .filter(
            ([status, response]) =>
              status !== '204' && !Object.values(response.content ?? {}).some((media) => media.schema),
          )
          .map(([status]) => `${name} → ${status}`);
      }),
  );
}
