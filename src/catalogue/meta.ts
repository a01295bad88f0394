/**
 * When the catalogue was last reviewed against the providers' pages. `npm run catalogue:refresh`
 * reports against it; a reviewer who accepts a refresh updates it with the data.
 */
export const CATALOGUE_CHECKED_ON = '2026-12-06';
