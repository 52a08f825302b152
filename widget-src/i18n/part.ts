/**
 * Imported by each part of the widget that loads on demand (a section, an
 * editor, the error strings). The build replaces this import, per importer,
 * with the English strings that part shows and the first paint does not
 * carry (scripts/build.mjs); the build fails if a part forgets it. In tests
 * the whole catalogue is loaded, so here it does nothing.
 */
export {};
