/**
 * The catalogue's test builders live in test/helpers/catalogue.ts, where every module's tests may
 * use them (the applications module builds its items with them); the catalogue's own tests keep
 * importing them from here.
 */
export * from '../../test/helpers/catalogue.js';
