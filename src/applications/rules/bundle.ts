/**
 * 一件事一次办 — a bundle application and its children (国办发〔2022〕32号: 一表申请、一套材料、
 * 一窗受理; Open Zaak's hoofdzaak / deelzaken). One form and one set of materials are split per
 * child item; the bundle is decided when every child is, and the applicant sees one progress.
 */
import type { ApplicationMaterial, ApplicationState, Outcome } from '../model.js';

export interface ChildFacts {
  state: ApplicationState;
  outcome: Outcome | null;
}

const DONE: readonly ApplicationState[] = ['decided', 'delivered'];

export interface BundleProgress {
  total: number;
  /** Children decided (or delivered). */
  decided: number;
  /** Whole percent, 0 without children. */
  percent: number;
  /** Every child is decided: the bundle is decided too. */
  complete: boolean;
  /** approved when every child was approved, refused when any was refused; null until complete. */
  outcome: Outcome | null;
  refused: number;
}

export function bundleProgress(children: readonly ChildFacts[]): BundleProgress {
  const decided = children.filter((c) => DONE.includes(c.state)).length;
  const refused = children.filter((c) => DONE.includes(c.state) && c.outcome === 'refused').length;
  const complete = children.length > 0 && decided === children.length;
  return {
    total: children.length,
    decided,
    percent: children.length === 0 ? 0 : Math.floor((decided * 100) / children.length),
    complete,
    outcome: complete ? (refused === 0 ? 'approved' : 'refused') : null,
    refused,
  };
}

/** The bundle's form values a child's form asks for (its schema's properties), nothing else. */
export function childForm(
  values: Readonly<Record<string, unknown>>,
  childSchema: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const properties = (childSchema.properties ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(values).filter(([name]) => name in properties));
}

/** The bundle's materials a child needs (its requirements' keys), each with the bundle's file and mark. */
export function childMaterials(
  materials: readonly ApplicationMaterial[],
  childKeys: readonly string[],
): ApplicationMaterial[] {
  return childKeys.map(
    (key) => materials.find((m) => m.key === key) ?? { key, fileId: null, mark: null, note: null },
  );
}
