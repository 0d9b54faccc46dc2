/** The pure rules of applications: lifecycle, clocks, numbers, materials and 一次性告知, bundles, forms. */
export * from './lifecycle.js';
export * from './clock.js';
export * from './numbering.js';
export * from './materials.js';
export * from './bundle.js';
export * from './form.js';
