/**
 * The closed vocabularies of the domain (../shared/DOMAIN.md). One place: the inventory import,
 * the catalog, the planner and the UI all read these lists.
 */
import { z } from 'zod';

export const MISSION_AREAS = [
  'intelligence_analysis',
  'modeling_simulation',
  'operations_planning',
  'cyber_operations',
  'logistics',
  'business_admin',
  'other',
] as const;
export const MissionArea = z.enum(MISSION_AREAS);
export type MissionArea = z.infer<typeof MissionArea>;

export const ROUTES = [
  'direct_api',
  'aws_bedrock',
  'azure',
  'google_vertex',
  'partner_platform',
  'self_hosted',
] as const;
export const Route = z.enum(ROUTES);
export type Route = z.infer<typeof Route>;

/** Ordered from least to most restrictive: index comparisons are meaningful. */
export const CLASSIFICATIONS = ['unclassified', 'cui', 'secret', 'top_secret'] as const;
export const Classification = z.enum(CLASSIFICATIONS);
export type Classification = z.infer<typeof Classification>;
export const classificationRank = (c: Classification): number => CLASSIFICATIONS.indexOf(c);

/** Ordered from least to most critical. */
export const CRITICALITIES = ['routine', 'support', 'essential', 'critical'] as const;
export const Criticality = z.enum(CRITICALITIES);
export type Criticality = z.infer<typeof Criticality>;
export const criticalityRank = (c: Criticality): number => CRITICALITIES.indexOf(c);

export const CAPABILITIES = [
  'tool_use',
  'vision',
  'structured_output',
  'long_context',
  'code',
  'fine_tuned',
  'batch',
  'embeddings',
  'reasoning',
  'streaming',
] as const;
export const Capability = z.enum(CAPABILITIES);
export type Capability = z.infer<typeof Capability>;

/**
 * Use tags are open-ended in DOMAIN.md ("…"), so they are free snake_case text; these are the
 * ones the default catalog's policies and the UI know by name.
 */
export const KNOWN_USE_TAGS = [
  'foreign_intelligence',
  'domestic_surveillance',
  'weapons_targeting',
  'autonomous_weapons',
  'cyber_defense',
  'cyber_offense',
  'logistics',
  'training',
  'disinformation',
  'biometric_identification',
] as const;
export const UseTag = z.string().regex(/^[a-z0-9_]+$/, 'use tags are snake_case words');
export type UseTag = z.infer<typeof UseTag>;

/** Provider ids are lower-case slugs (anthropic, openai, google, xai, meta, mistral, amazon, …). */
export const ProviderId = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'provider ids are lower-case slugs');
export type ProviderId = z.infer<typeof ProviderId>;

// ---------------------------------------------------------------------------------------------
// Provider catalog vocabularies (core/catalog). Added for the catalog; nothing above is renamed.

/** DoD Cloud Computing SRG impact levels. Top Secret has no impact level (ICD 503 accreditation). */
export const IMPACT_LEVELS = ['IL2', 'IL4', 'IL5', 'IL6'] as const;
export const ImpactLevel = z.enum(IMPACT_LEVELS);
export type ImpactLevel = z.infer<typeof ImpactLevel>;

export const FEDRAMP_LEVELS = ['low', 'moderate', 'high'] as const;
export const FedrampLevel = z.enum(FEDRAMP_LEVELS);
export type FedrampLevel = z.infer<typeof FedrampLevel>;

/** `authorized` now, or `pending` (reachable after a lead time) at the offering's maxClassification. */
export const AUTHORIZATION_STATUSES = ['authorized', 'pending'] as const;
export const AuthorizationStatus = z.enum(AUTHORIZATION_STATUSES);
export type AuthorizationStatus = z.infer<typeof AuthorizationStatus>;

/** Files `bridgehead catalog import --format …` understands. */
export const CATALOG_FORMATS = ['litellm', 'genai-prices', 'openrouter', 'bridgehead'] as const;
export const CatalogFormat = z.enum(CATALOG_FORMATS);
export type CatalogFormat = z.infer<typeof CatalogFormat>;
