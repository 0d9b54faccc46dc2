/**
 * The shapes the demo catalogue builder writes: the catalogue's exchange format
 * (src/catalogue/model.ts), under the short names the item files use.
 */
export type {
  ItemKind,
  ItemLevel,
  ItemSituation,
  SubjectKind,
  Channel,
  MaterialForm,
  MaterialSource,
  SpecialStepKind,
  DeliveryMethod,
  LegalBasis,
  ProcessStep,
  SpecialStep,
  FaqEntry,
  FormFieldHint as FieldHint,
  ApplicationForm as Form,
  CatalogueEntry as Entry,
  CatalogueDocument as Document,
} from '../../catalogue/index.js';
import type { CatalogueEntry } from '../../catalogue/index.js';

/** A material as the exchange format carries it (no file ids). */
export type Material = CatalogueEntry['guide']['materials'][number];
/** A guide as the exchange format carries it. */
export type Guide = CatalogueEntry['guide'];
