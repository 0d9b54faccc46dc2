/**
 * Public notes (公开说明) that a decision of another channel writes on a case: the citizen channel
 * declining a reopen request tells the reporter why. The note takes the case's public status of
 * the moment, as every public note does (public-notes.ts).
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { mergeTargetStatus, PUBLIC_NOTE_MAX_LENGTH } from './public-notes.js';
import { publicStatusOf } from './public-status.js';
import type { CaseRow } from './repo.js';
import './public-tables.js';

export async function recordChannelNote(
  tx: Transaction<DB>,
  kase: Pick<CaseRow, 'id' | 'status' | 'duplicate_of'>,
  note: { text: string; action: string; authorId: number | null; at: Date },
): Promise<void> {
  await tx
    .insertInto('case_public_notes')
    .values({
      case_id: kase.id,
      at: note.at,
      text: note.text.slice(0, PUBLIC_NOTE_MAX_LENGTH),
      status: publicStatusOf(kase.status, await mergeTargetStatus(tx, kase)),
      author_id: note.authorId,
      action: note.action,
    })
    .execute();
}
