/**
 * French's stemmer, Snowball's (`@orama/stemmers`, generated from Snowball's own definition, the
 * algorithm Pagefind stems a French index with): a script of its own, `/assets/stemmer-fr.js`,
 * which only the French search page loads (search-data.ts), so that no other reader pays for it.
 */
export { stemmer as stem } from "@orama/stemmers/french";
