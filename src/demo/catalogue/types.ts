/**
 * The shapes the demo catalogue builder writes: the exchange format of src/catalogue/model.ts
 * (`CatalogueDocument`, `CatalogueEntry`), restated because demo code may enter the catalogue module
 * only through its door (src/catalogue/index.ts, which the catalogue module adds). The test
 * (catalogue.test.ts) assigns the built document to the model's `CatalogueDocument`, so the compiler
 * keeps the two identical; once the door exists, these become `export type … from` it.
 */
export type ItemKind =
  | 'licensing'
  | 'confirmation'
  | 'adjudication'
  | 'benefit'
  | 'reward'
  | 'filing'
  | 'other_power'
  | 'public_service';
export type ItemLevel = 'main' | 'sub' | 'handling';
export type ItemSituation = 'new' | 'change' | 'renewal' | 'cancellation' | 'other';
export type SubjectKind = 'person' | 'legal_person';
export type Channel = 'online' | 'hall' | 'self_service' | 'hotline' | 'post';
export type MaterialForm = 'original' | 'copy' | 'electronic';
export type MaterialSource = 'applicant' | 'issued_by_government' | 'sharing' | 'certificate';
export type SpecialStepKind = 'site_inspection' | 'expert_review' | 'publicity' | 'hearing' | 'testing';
export type DeliveryMethod = 'pickup' | 'post' | 'online';

export interface LegalBasis {
  law: string;
  article: string;
  text: string;
  kind: 'setting' | 'implementing';
}

export interface Material {
  key: string;
  name: string;
  form: MaterialForm;
  copies: number;
  required: boolean;
  condition: string | null;
  source: MaterialSource;
  sourceReference: string | null;
  notes: string;
}

export interface ProcessStep {
  key: string;
  name: string;
  days: number;
  description: string;
}

export interface SpecialStep {
  kind: SpecialStepKind;
  name: string;
  days: number;
  description: string;
}

export interface FaqEntry {
  question: string;
  answer: string;
}

export interface Guide {
  subjects: SubjectKind[];
  conditions: string;
  materials: Material[];
  steps: ProcessStep[];
  specialSteps: SpecialStep[];
  legalDays: number;
  promisedDays: number;
  acceptanceDays: number;
  fee: { amount: number; basis: string | null; description: string };
  place: string;
  hours: string;
  visits: Partial<Record<Channel, number>>;
  channels: Channel[];
  deliveryMethods: DeliveryMethod[];
  onlineDepth: 1 | 2 | 3 | 4;
  faq: FaqEntry[];
  consultation: string;
  complaint: string;
  legalBases: LegalBasis[];
  resultName: string;
}

export interface FieldHint {
  widget?: 'text' | 'textarea' | 'select' | 'radio' | 'date' | 'number' | 'phone' | 'id_number' | 'address';
  placeholder?: string;
  help?: string;
  prefill?: string;
}

export interface Form {
  schema: Record<string, unknown>;
  layout: { sections: { title: string; fields: string[] }[]; fields: Record<string, FieldHint> };
}

export interface Entry {
  basicCode: string;
  implementationCode: string;
  name: string;
  kind: ItemKind;
  level: ItemLevel;
  parentCode: string | null;
  situation: ItemSituation | null;
  departmentName: string;
  implementingOrgCreditCode: string;
  competentDepartment: string;
  lifeEvents: string[];
  validFrom: string | null;
  validTo: string | null;
  guide: Guide;
  form: Form;
  bundleCodes: string[];
  source: string | null;
}

export interface Document {
  format: 'shuzhi-catalogue';
  formatVersion: 1;
  items: Entry[];
}
