import { CatalogValidationError, describeZodIssues } from './errors';
import { Catalog } from './schema';

/** Parses and validates a catalog, throwing a CatalogValidationError that lists what is wrong. */
export function validateCatalog(candidate: unknown): Catalog {
  const result = Catalog.safeParse(candidate);
  if (!result.success) {
    const issues = describeZodIssues(result.error);
    throw new CatalogValidationError(`The catalog is invalid:\n${issues.join('\n')}`, issues);
  }
  return result.data;
}
