/**
 * The error strings (every `error.${code}` key), loaded with the first error
 * a page shows: most sessions never need them. See i18n/catalogue.ts.
 */
import "catalogue:error";
