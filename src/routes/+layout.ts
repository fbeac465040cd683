// Every page is prerendered to static HTML; data comes from IndexedDB and the prerendered banks.
export const prerender = true;
export const trailingSlash = 'never';
