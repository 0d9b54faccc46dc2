/** The one form engine (issue #13 §3): model, checks, server errors and pre-fill; renderers beside it. */
export * from './model.js';
export * from './validate.js';
export * from './server-errors.js';
export * from './prefill.js';
export { formText, FORM_ZH, FORM_EN, type FormMessageKey, type FormLang } from './dictionary.js';
export { creditCodeProblem, idNumberProblem, isIsoDate, isMobile } from './codes.js';
