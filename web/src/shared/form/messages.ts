/** The form engine's words as an i18n dictionary for the renderers (the tables are in dictionary.ts). */
import { defineMessages } from '../i18n.js';
import { FORM_EN, FORM_ZH } from './dictionary.js';

export const formMessages = defineMessages(FORM_ZH, FORM_EN);
export type { FormMessageKey } from './dictionary.js';
